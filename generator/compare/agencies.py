"""Agency identity and peer groups: who a report is about, across years and spellings.

Identity comes from ``data/agencies.yaml`` (canonical name, slug, aliases, agency_type, level,
parent). A name is looked up after removing scope markers (“(汇总)”, “（本级）”, “(部门)”, “(单位)”)
and spaces, so 乌鲁木齐市人力资源和社会保障局(汇总) and 乌鲁木齐市人力资源和社会保障局（本级）
are the same agency; whether a report is the consolidated one is the report's ``scope``.

Peer groups:

* ``agency_type``: report.meta["agency_type"] (NAME.meta.yaml) > registry > ``TYPE_PATTERNS``
  (first matching pattern on the name) > "其他".
* ``level``: registry > region (county named → 区 = district, else county; prefecture named →
  prefecture; province only → province; 直辖市 districts are districts).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from generator.model import Report

REGISTRY_PATH = Path(__file__).resolve().parents[2] / "data" / "agencies.yaml"

_SCOPE_MARK = re.compile(r"[(（]\s*(?:汇总|本级|部门|单位)\s*[)）]")

# Name → peer group. Ordered: the first pattern that matches wins, so the specific ones
# (就业服务中心 inside a 人社 name) come before the general ones.
TYPE_PATTERNS: tuple[tuple[str, str], ...] = (
    (r"(?:公共)?(?:创业)?就业(?:创业)?服务(?:中心|局)|就业训练中心", "就业服务中心"),
    (r"社会保险(?:事业管理|经办)?(?:中心|局)|社保(?:中心|局)", "社会保险经办机构"),
    (r"人力资源和社会保障(?:局|厅)|人社(?:局|厅)", "人力资源和社会保障局"),
    (r"财政(?:局|厅)$", "财政局"),
    (r"规划(?:和|与)自然资源(?:局|厅)|自然资源(?:和规划)?(?:局|厅)", "规划和自然资源局"),
    (r"社会工作部$", "社会工作部"),
    (r"教育(?:局|厅)$", "教育局"),
    (r"卫生健康(?:委员会|委|局)$", "卫生健康委员会"),
    (r"民政(?:局|厅)$", "民政局"),
)

LEVEL_LABELS = {"province": "省级", "prefecture": "地市级", "county": "县级", "district": "区级"}
SCOPE_LABELS = {"department": "部门汇总", "unit": "单位"}


@dataclass(frozen=True)
class Agency:
    name: str
    slug: str
    aliases: tuple[str, ...] = ()
    agency_type: str | None = None
    level: str | None = None
    parent: str | None = None
    note: str = ""


@dataclass(frozen=True)
class Registry:
    agencies: tuple[Agency, ...]
    by_name: dict[str, Agency] = field(default_factory=dict, compare=False, hash=False)

    def find(self, name: str | None) -> Agency | None:
        if not name:
            return None
        return self.by_name.get(normalize_name(name))

    def key(self, name: str) -> str:
        """The canonical name when registered, else the normalised name: the identity key."""
        found = self.find(name)
        return found.name if found else normalize_name(name)


def normalize_name(name: str) -> str:
    """Drop scope markers and spaces: the spelling differences that do not change who it is."""
    return re.sub(r"\s+", "", _SCOPE_MARK.sub("", name))


def load_registry(path: Path | None = None) -> Registry:
    import yaml

    path = path or REGISTRY_PATH
    data: Any = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else None
    entries = (data or {}).get("agencies") or []
    agencies: list[Agency] = []
    by_name: dict[str, Agency] = {}
    for e in entries:
        if not isinstance(e, dict) or not e.get("name"):
            raise ValueError(f"{path}: every agency needs a name ({e!r})")
        from generator.extract.identity import slug

        a = Agency(
            name=str(e["name"]),
            slug=str(e.get("slug") or slug(str(e["name"]))),
            aliases=tuple(str(x) for x in e.get("aliases") or ()),
            agency_type=e.get("agency_type"),
            level=e.get("level"),
            parent=e.get("parent"),
            note=str(e.get("note") or ""),
        )
        if a.level is not None and a.level not in LEVEL_LABELS:
            raise ValueError(f"{path}: {a.name}: level must be one of {sorted(LEVEL_LABELS)}")
        for spelling in (a.name, *a.aliases):
            k = normalize_name(spelling)
            if k in by_name and by_name[k] is not a:
                raise ValueError(f"{path}: {spelling} names both {by_name[k].name} and {a.name}")
            by_name[k] = a
        agencies.append(a)
    return Registry(tuple(agencies), by_name)


@lru_cache(maxsize=1)
def default_registry() -> Registry:
    return load_registry()


def type_from_name(name: str) -> str:
    n = normalize_name(name)
    for pattern, label in TYPE_PATTERNS:
        if re.search(pattern, n):
            return label
    return "其他"


def agency_type(report: Report, registry: Registry | None = None) -> str:
    registry = registry or default_registry()
    override = report.meta.get("agency_type") if report.meta else None
    if override:
        return str(override)
    found = registry.find(report.agency)
    if found and found.agency_type:
        return found.agency_type
    return type_from_name(report.agency)


def level(report: Report, registry: Registry | None = None) -> str | None:
    registry = registry or default_registry()
    found = registry.find(report.agency)
    if found and found.level:
        return found.level
    region = report.region or {}
    county, prefecture, province = region.get("county"), region.get("prefecture"), region.get("province")
    if county:
        return "district" if county.endswith("区") else "county"
    if prefecture:
        return "prefecture"
    if province:
        return "province"
    return None


def agency_slug(report: Report, registry: Registry | None = None) -> str:
    from generator.extract.identity import slug

    registry = registry or default_registry()
    found = registry.find(report.agency)
    return found.slug if found else slug(normalize_name(report.agency))


def parent_of(report: Report, registry: Registry | None = None) -> str | None:
    """The department this report's agency belongs to: NAME.meta.yaml ``parent`` > registry."""
    registry = registry or default_registry()
    override = report.meta.get("parent") if report.meta else None
    if override:
        return registry.key(str(override))
    found = registry.find(report.agency)
    return registry.key(found.parent) if found and found.parent else None
