"""The properties GitHub code scanning needs in an uploaded SARIF log, beyond the OASIS schema.

From GitHub's "SARIF support for code scanning" reference: properties marked required must be
present and non-empty; rule names are limited to 255 characters, descriptions to 1024; a result
has one to ten locations, and a located one has a URI and a region starting at line and column 1
or later; ``runAutomationDetails.id`` names the analysis category.
"""

from typing import Any


def github_upload_problems(doc: dict[str, Any]) -> list[str]:
    """What GitHub code scanning's SARIF support page marks as required (non-empty) or limited,
    beyond the OASIS schema: log, run, tool component, rule, result, location and region."""
    problems: list[str] = []

    def need(value: Any, where: str, limit: int | None = None) -> None:
        if value in (None, "", [], {}):
            problems.append(f"{where}: missing or empty")
        elif limit is not None and len(value) > limit:
            problems.append(f"{where}: longer than {limit}")

    need(doc.get("$schema"), "$schema")
    if doc.get("version") != "2.1.0":
        problems.append("version: not 2.1.0")
    need(doc.get("runs"), "runs")
    for r, run in enumerate(doc.get("runs", [])):
        driver = run.get("tool", {}).get("driver", {})
        need(driver.get("name"), f"runs[{r}].tool.driver.name")
        if "rules" not in driver:
            problems.append(f"runs[{r}].tool.driver.rules: missing")
        if "results" not in run:
            problems.append(f"runs[{r}].results: missing")
        for i, rule in enumerate(driver.get("rules", [])):
            at = f"runs[{r}].rules[{i}]"
            need(rule.get("id"), f"{at}.id")
            need(rule.get("name"), f"{at}.name", 255)
            need(rule.get("shortDescription", {}).get("text"), f"{at}.shortDescription", 1024)
            need(rule.get("fullDescription", {}).get("text"), f"{at}.fullDescription", 1024)
            need(rule.get("help", {}).get("text"), f"{at}.help.text")
            level = rule.get("defaultConfiguration", {}).get("level", "warning")
            if level not in ("note", "warning", "error"):
                problems.append(f"{at}.defaultConfiguration.level: {level!r}")
        for i, result in enumerate(run.get("results", [])):
            at = f"runs[{r}].results[{i}]"
            need(result.get("message", {}).get("text"), f"{at}.message.text")
            need(result.get("partialFingerprints"), f"{at}.partialFingerprints")
            locations = result.get("locations", [])
            if not 1 <= len(locations) <= 10:
                problems.append(f"{at}.locations: {len(locations)} (1 to 10)")
            for j, loc in enumerate(locations):
                physical = loc.get("physicalLocation")
                if physical is None:
                    continue  # a finding without a file: shown in the log, not annotated
                need(physical.get("artifactLocation", {}).get("uri"), f"{at}.locations[{j}].uri")
                region = physical.get("region", {})
                if region and (region.get("startLine", 0) < 1 or region.get("startColumn", 1) < 1):
                    problems.append(f"{at}.locations[{j}].region: {region}")
        need(run.get("automationDetails", {}).get("id"), f"runs[{r}].automationDetails.id")
    return problems
