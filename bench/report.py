"""Summaries, budgets and the Dutch Markdown table of a benchmark run."""

from __future__ import annotations

import math
import re
import statistics
from pathlib import Path
from typing import Any

from bench.scenarios import label

#: Budgets from the issue "Fast on a projector and under a full room".
FIRST_VIEW_MAX_RATIO = 1.3
INTERACTION_MAX_RATIO = 1.3
#: Next slide to settled screen, against a bare slider rerun (issue 11: fit for the room).
DECK_STEP_MAX_RATIO = 1.3
DATA_SHARE_MAX = 0.10
ROOM_P95_MAX_RATIO = 3.0
ROOM_MB_PER_SESSION_MAX = 10.0

TABLE_START = "<!-- bench-table:start -->"
TABLE_END = "<!-- bench-table:end -->"
HOTSPOTS_START = "<!-- bench-hotspots:start -->"


def quantile(values: list[float], q: float) -> float:
    """Linear-interpolated quantile (as numpy's default)."""
    ordered = sorted(values)
    if not ordered:
        return math.nan
    pos = (len(ordered) - 1) * q
    low, high = math.floor(pos), math.ceil(pos)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def summary(values: list[float]) -> dict[str, float]:
    """Median and spread of repeated measurements."""
    if not values:
        return {
            "n": 0,
            "median": math.nan,
            "min": math.nan,
            "max": math.nan,
            "p25": math.nan,
            "p75": math.nan,
        }
    return {
        "n": len(values),
        "median": statistics.median(values),
        "min": min(values),
        "max": max(values),
        "p25": quantile(values, 0.25),
        "p75": quantile(values, 0.75),
    }


def latency_summary(values: list[float]) -> dict[str, float]:
    return {**summary(values), "p50": quantile(values, 0.5), "p95": quantile(values, 0.95)}


def ratio(a: float, b: float) -> float:
    return a / b if b and not math.isnan(a) and not math.isnan(b) else math.nan


def _budget(name: str, page: str | None, value: float, limit: float, unit: str) -> dict[str, Any]:
    met = None if math.isnan(value) else value <= limit
    return {"budget": name, "page": page, "value": value, "limit": limit, "unit": unit, "met": met}


def summarise(raw: dict[str, Any]) -> dict[str, Any]:
    """Medians, spreads, ratios and budget verdicts from the raw samples of a run."""
    out: dict[str, Any] = {"cold": {}, "pages": {}, "room": {}, "budgets": []}
    cold = raw.get("cold") or {}
    for what in ("health_s", "drawn_s"):
        app = summary(cold.get("app", {}).get(what, []))
        base = summary(cold.get("baseline", {}).get(what, []))
        out["cold"][what] = {"app": app, "baseline": base, "ratio": ratio(app["median"], base["median"])}

    views = raw.get("views") or {}
    profile = raw.get("profile") or {}
    base_script = (profile.get("baseline") or {}).get("script_median_s", math.nan)
    for page in raw.get("meta", {}).get("pages", []):
        entry: dict[str, Any] = {}
        view = views.get(page)
        if view:
            app = summary(view["app_view_s"])
            base = summary(view["baseline_view_s"])
            entry["view"] = {"app": app, "baseline": base, "ratio": ratio(app["median"], base["median"])}
            for target in ("app", "baseline"):
                done = [v for v in view.get(f"{target}_script_done_s", []) if v is not None]
                entry["view"][f"{target}_script_done"] = summary(done)
                entry["view"][f"{target}_transfer_kb"] = summary(view.get(f"{target}_transfer_kb", []))
                entry["view"][f"{target}_resources"] = summary(view.get(f"{target}_resources", []))
            out["budgets"].append(
                _budget("first_view", page, entry["view"]["ratio"], FIRST_VIEW_MAX_RATIO, "x baseline")
            )
            if view.get("app_change_s"):
                app = summary(view["app_change_s"])
                base = summary(view["baseline_change_s"])
                entry["change"] = {
                    "control": view.get("control"),
                    "app": app,
                    "baseline": base,
                    "ratio": ratio(app["median"], base["median"]),
                }
                out["budgets"].append(
                    _budget(
                        "interaction", page, entry["change"]["ratio"], INTERACTION_MAX_RATIO, "x baseline"
                    )
                )
        prof = (profile.get("pages") or {}).get(page)
        if prof:
            entry["script"] = {
                "median_s": prof["script_median_s"],
                "min_s": prof["script_min_s"],
                "max_s": prof["script_max_s"],
                "ratio": ratio(prof["script_median_s"], base_script),
                "data_s": prof["data_s"],
                "streamlit_s": prof["streamlit_s"],
                "data_share": prof["data_share"],
                "streamlit_share": prof["streamlit_share"],
                "app_share": prof["app_share"],
                "parse_layout_calls": prof["parse_layout_calls"],
            }
            out["budgets"].append(_budget("data_share", page, prof["data_share"], DATA_SHARE_MAX, "share"))
        if entry:
            out["pages"][page] = entry
    if profile.get("baseline"):
        b = profile["baseline"]
        out["baseline_script"] = {
            "median_s": b["script_median_s"],
            "min_s": b["script_min_s"],
            "max_s": b["script_max_s"],
        }

    deck = raw.get("deck") or {}
    if deck.get("app_step_s"):
        steps, kinds = deck["app_step_s"], deck["app_step_kind"]
        base = summary(deck["baseline_step_s"])
        out["deck"] = {
            "slides": deck.get("slides"),
            "app": summary(steps),
            "within": summary([s for s, k in zip(steps, kinds, strict=True) if k == "within"]),
            "next": summary([s for s, k in zip(steps, kinds, strict=True) if k == "next"]),
            "baseline": base,
            "ratio": ratio(summary(steps)["median"], base["median"]),
        }
        for kind in ("within", "next"):
            out["deck"][f"{kind}_ratio"] = ratio(out["deck"][kind]["median"], base["median"])
        out["budgets"].append(
            _budget("deck_step", None, out["deck"]["ratio"], DECK_STEP_MAX_RATIO, "x baseline")
        )

    room = raw.get("room") or {}
    for target in ("app", "baseline"):
        levels = room.get(target) or {}
        single = levels.get("1")
        single_p95 = quantile(single["interactions_s"], 0.95) if single else math.nan
        rows = {}
        for n, res in sorted(levels.items(), key=lambda kv: int(kv[0])):
            lat = latency_summary(res["interactions_s"])
            if not res["interactions_s"] and res["errors"]:
                # No control change came back at all: the server hung; that misses any latency budget.
                lat = {**lat, "p50": math.inf, "p95": math.inf}
            # Memory per session: per connected session (normally all N).
            sessions = len(res["connects_s"]) if "connects_s" in res else int(n)
            loaded = res.get("loaded_sessions", int(n))
            added = res["rss_connected_mb"] - res["rss_before_mb"]
            rows[n] = {
                "latency": lat,
                "loads": latency_summary(res["loads_s"]),
                "p95_vs_single": ratio(lat["p95"], single_p95),
                "rss_before_mb": res["rss_before_mb"],
                "rss_connected_mb": res["rss_connected_mb"],
                "rss_peak_mb": res["rss_peak_mb"],
                "mb_per_session": added / sessions if sessions else math.nan,
                "server_cpu_per_s": res["server_cpu_s"] / res["wall_s"] if res["wall_s"] else math.nan,
                "errors": len(res["errors"]),
                "connected_sessions": sessions,
                "loaded_sessions": loaded,
                "connect": latency_summary(res.get("connects_s", [])),
                "connect_retries": res.get("connect_retries", 0),
                "interactions": len(res["interactions_s"]),
            }
        out["room"][target] = rows
    app_rows = out["room"].get("app", {})
    if app_rows:
        largest = max(app_rows, key=int)
        if int(largest) > 1:
            out["budgets"].append(
                _budget(
                    "room_p95", largest, app_rows[largest]["p95_vs_single"], ROOM_P95_MAX_RATIO, "x single"
                )
            )
            out["budgets"].append(
                _budget(
                    "room_memory", largest, app_rows[largest]["mb_per_session"], ROOM_MB_PER_SESSION_MAX, "MB"
                )
            )
    return out


# -- Dutch formatting -------------------------------------------------------------------


def nl(value: float, decimals: int = 2) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if isinstance(value, float) and math.isinf(value):
        return "∞"
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\u2009").replace(".", ",").replace("\u2009", ".")


def secs(s: dict[str, float]) -> str:
    """'1,23 s (1,10–1,40)': median and min–max."""
    if not s or not s.get("n"):
        return "–"
    return f"{nl(s['median'])} s ({nl(s['min'])}–{nl(s['max'])})"


def ms(value: float) -> str:
    return f"{nl(value * 1000, 0)} ms"


def verdict(met: bool | None) -> str:
    return "–" if met is None else ("✅" if met else "❌")


def _budget_for(summ: dict[str, Any], name: str, page: str | None) -> dict[str, Any] | None:
    for b in summ["budgets"]:
        if b["budget"] == name and b["page"] == page:
            return b
    return None


def markdown(raw: dict[str, Any], summ: dict[str, Any]) -> str:
    """The result tables in Dutch Markdown."""
    meta = raw["meta"]
    other = meta.get("other_cpu") or {}
    undisturbed = meta.get("quiet") and meta.get("quiet_during", True)
    lines = [
        f"Gemeten op {meta['timestamp']} (UTC), {meta['cpus']} kernen, "
        f"{meta['repetitions']} herhalingen per meting (app en baseline om en om); "
        f"belasting (1 min) vooraf {nl(meta['loadavg_before'])}; andere processen gebruikten tijdens de meting "
        f"gemiddeld {nl(other.get('mean_cores', math.nan))} kern (max {nl(other.get('max_cores', math.nan))})"
        + ("." if undisturbed else " — **gemeten terwijl de machine bezig was**, de cijfers zijn ruw.")
    ]
    lines.append("Waarden: mediaan (min–max).")
    cold = summ.get("cold", {})
    if cold.get("drawn_s", {}).get("app", {}).get("n"):
        lines += [
            "",
            "**Koude start** (proces gestart tot ...)",
            "",
            "| Meting | App | Baseline | App / baseline |",
            "|---|---|---|---|",
            f"| `/_stcore/health` antwoordt | {secs(cold['health_s']['app'])} | {secs(cold['health_s']['baseline'])} "
            f"| {nl(cold['health_s']['ratio'])} |",
            f"| startpagina getekend | {secs(cold['drawn_s']['app'])} | {secs(cold['drawn_s']['baseline'])} "
            f"| {nl(cold['drawn_s']['ratio'])} |",
        ]
    pages = summ.get("pages", {})
    if pages:
        lines += [
            "",
            "**Per pagina** (eerste weergave in een nieuwe browsercontext; interactie tot de nieuwe grafiek "
            "getekend is; scripttijd op de server met warme cache)",
            "",
            "| Pagina | Eerste weergave | × baseline (≤ 1,3) | Interactie (control) | × baseline (≤ 1,3) "
            "| Scripttijd | data/analyse (≤ 10%) | Streamlit-elementen |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for page, entry in pages.items():
            view = entry.get("view")
            change = entry.get("change")
            script = entry.get("script")
            vb = _budget_for(summ, "first_view", page)
            ib = _budget_for(summ, "interaction", page)
            db = _budget_for(summ, "data_share", page)
            cells = [
                f"`{label(page)}`",
                secs(view["app"]) if view else "–",
                f"{nl(view['ratio'])} {verdict(vb['met'])}" if view and vb else "–",
                f"{secs(change['app'])} (`{change['control']}`)" if change else "–",
                f"{nl(change['ratio'])} {verdict(ib['met'])}" if change and ib else "–",
                f"{ms(script['median_s'])} ({ms(script['min_s'])}–{ms(script['max_s'])})" if script else "–",
                f"{ms(script['data_s'])} = {nl(100 * script['data_share'], 0)}% {verdict(db['met'])}"
                if script and db
                else "–",
                f"{ms(script['streamlit_s'])} = {nl(100 * script['streamlit_share'], 0)}%" if script else "–",
            ]
            lines.append("| " + " | ".join(cells) + " |")
        base_views = [e["view"]["baseline"] for e in pages.values() if e.get("view")]
        base_changes = [e["change"]["baseline"] for e in pages.values() if e.get("change")]
        base_script = summ.get("baseline_script")
        cells = [
            "baseline",
            secs(_pooled(raw, "baseline_view_s")) if base_views else "–",
            "",
            f"{secs(_pooled(raw, 'baseline_change_s'))} (`factor`)" if base_changes else "–",
            "",
            f"{ms(base_script['median_s'])} ({ms(base_script['min_s'])}–{ms(base_script['max_s'])})"
            if base_script
            else "–",
            "",
            "",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    deck = summ.get("deck")
    if deck:
        db = _budget_for(summ, "deck_step", None)
        lines += [
            "",
            f"**Dia's** (presentatiemodus op 1280 × 720: PageDown tot de volgende dia stil staat, alle "
            f"{deck['slides']} dia's; baseline: de schuif één stap, afwisselend in een tweede venster)",
            "",
            "| Stap | App | × baseline (≤ 1,3) | Baseline (schuif) |",
            "|---|---|---|---|",
            f"| alle stappen | {secs(deck['app'])} | {nl(deck['ratio'])} {verdict(db['met'] if db else None)} "
            f"| {secs(deck['baseline'])} |",
            f"| binnen een vraag | {secs(deck['within'])} | {nl(deck['within_ratio'])} | |",
            f"| naar de volgende vraag | {secs(deck['next'])} | {nl(deck['next_ratio'])} | |",
        ]
    room = summ.get("room", {})
    if room.get("app"):
        lines += [
            "",
            "**Volle zaal** (N sessies via het websocketprotocol; elke sessie opent een pagina en wijzigt "
            "elke paar seconden een control; latentie tot `script_finished`)",
            "",
            "| N | Pagina geopend (p50 / p95) | App p50 | App p95 | p95 / N=1 (≤ 3) | Geheugen server "
            "| MB per sessie (≤ 10) | Server-CPU | Baseline p50 | Baseline p95 | Baseline MB per sessie "
            "| Fouten |",
            "|---|---|---|---|---|---|---|---|---|---|---|---|",
        ]
        largest = max(room["app"], key=int)
        for n, row in room["app"].items():
            base = room.get("baseline", {}).get(n)
            pb = _budget_for(summ, "room_p95", n) if n == largest else None
            mb = _budget_for(summ, "room_memory", n) if n == largest else None
            cells = [
                n,
                f"{nl(row['loads']['p50'])} / {nl(row['loads']['p95'])} s"
                + ("" if row["loaded_sessions"] == int(n) else f" (maar {row['loaded_sessions']} van {n})"),
                f"{nl(row['latency']['p50'])} s",
                f"{nl(row['latency']['p95'])} s",
                "1"
                if n == "1"
                else f"{nl(row['p95_vs_single'])} {verdict(pb['met']) if pb else ''}".strip(" –") or "–",
                f"{nl(row['rss_before_mb'], 0)} → {nl(row['rss_connected_mb'], 0)} MB",
                f"{nl(row['mb_per_session'], 1)} {verdict(mb['met']) if mb else ''}".strip(),
                f"{nl(100 * row['server_cpu_per_s'], 0)}%",
                f"{nl(base['latency']['p50'])} s" if base else "–",
                f"{nl(base['latency']['p95'])} s" if base else "–",
                nl(base["mb_per_session"], 1) if base else "–",
                str(row["errors"] + (base["errors"] if base else 0)),
            ]
            lines.append("| " + " | ".join(cells) + " |")
    validation = raw.get("validation")
    if validation:
        ok = all(v["match"] for v in validation.values())
        lines += [
            "",
            "Controle protocolclient tegen browser: "
            + ("dezelfde getallen op " if ok else "**verschillende getallen** op ")
            + ", ".join(f"`{k}`" for k in validation)
            + ".",
        ]
    return "\n".join(lines) + "\n"


def _pooled(raw: dict[str, Any], key: str) -> dict[str, float]:
    values: list[float] = []
    for view in (raw.get("views") or {}).values():
        values += view.get(key, [])
    return summary(values)


def hotspots(raw: dict[str, Any], summ: dict[str, Any], count: int = 5) -> str:
    """Where the script time goes per page: the heaviest calls, in ms per run (profiled, scaled to un-profiled)."""
    lines = []
    for page, prof in ((raw.get("profile") or {}).get("pages") or {}).items():
        # Profiled milliseconds, scaled to the run time without the profiler.
        scale = prof["script_median_s"] / prof["profiled_script_s"] if prof["profiled_script_s"] else 1.0
        lines.append(
            f"- `{label(page)}`: data/analyse {nl(100 * prof['data_share'], 0)}%, "
            f"Streamlit {nl(100 * prof['streamlit_share'], 0)}%, "
            f"app-code {nl(100 * prof['app_share'], 0)}%; parse_layout {prof['parse_layout_calls']}×."
        )
        calls = ", ".join(
            f"`{c['function']}` {nl(c['ms_per_run'] * scale, 0)} ms" for c in prof["top_data_calls"][:count]
        )
        lines.append(f"  - data (aanroepen vanuit de pagina): {calls}")
        calls = ", ".join(
            f"`{c['function']}` {nl(c['ms_per_run'] * scale, 0)} ms"
            for c in prof["top_analysis_cumulative"][:count]
        )
        lines.append(f"  - zwaarste functies in analysis/ (cumulatief): {calls}")
        calls = ", ".join(
            f"`{c['function']}` {nl(c['ms_per_run'] * scale, 0)} ms" for c in prof["top_streamlit_calls"][:3]
        )
        lines.append(f"  - Streamlit: {calls}")
    return "\n".join(lines) + "\n"


def _marker(name: str, end: bool = False) -> str:
    return f"<!-- bench-{name}:{'end' if end else 'start'} -->"


def replace_block(text: str, name: str, content: str) -> str:
    """Replace what stands between the ``name`` markers in ``text`` (append a section if missing)."""
    start, end = _marker(name), _marker(name, end=True)
    block = f"{start}\n{content}{end}"
    if start in text and end in text:
        pattern = re.compile(re.escape(start) + ".*?" + re.escape(end), re.DOTALL)
        return pattern.sub(lambda _m: block, text, count=1)
    return text.rstrip("\n") + "\n\n" + block + "\n"


def write_docs(path: Path, table: str, hotspot_list: str | None = None) -> None:
    """Put the latest table (and hotspots) between their markers in ``path``; create a minimal page if missing."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Prestaties\n"
    text = replace_block(text, "table", table)
    if hotspot_list is not None:
        text = replace_block(text, "hotspots", hotspot_list)
    path.write_text(text, encoding="utf-8")
