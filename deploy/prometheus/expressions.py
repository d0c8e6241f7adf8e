#!/usr/bin/env python3
"""Every PromQL expression of the rule files and the Grafana dashboard, for check-expressions.sh.

  expressions.py list RULE_FILE... DASHBOARD_JSON...   one line per expression: source<TAB>name<TAB>kind<TAB>expr
  expressions.py selectors EXPR                        the metric selectors the expression reads, one a line

Grafana's interval variables are replaced by fixed windows that work at the checker's 5 s scrape interval.
"""
import json
import re
import sys

import yaml

GRAFANA_VARIABLES = {"$__rate_interval": "1m", "${__rate_interval}": "1m", "$__interval": "15s", "${__interval}": "15s"}

# PromQL words that are neither metrics nor label names
KEYWORDS = {
    "by", "without", "on", "ignoring", "group_left", "group_right", "and", "or", "unless", "offset", "bool",
    "sum", "min", "max", "avg", "count", "stddev", "stdvar", "topk", "bottomk", "quantile", "count_values", "group",
    "inf", "nan",
}


def one_line(expr):
    return " ".join(expr.split())


def grafana(expr):
    for variable, value in GRAFANA_VARIABLES.items():
        expr = expr.replace(variable, value)
    return expr


def panels(dashboard):
    for panel in dashboard.get("panels", []):
        yield panel
        yield from panel.get("panels", [])  # collapsed rows keep their panels inside


def list_expressions(paths):
    for path in paths:
        if path.endswith(".json"):
            with open(path) as file:
                dashboard = json.load(file)
            for panel in panels(dashboard):
                for target in panel.get("targets", []):
                    if target.get("expr"):
                        name = f'{panel.get("title", "?")} [{target.get("refId", "?")}]'
                        print(f"{path}\t{name}\tpanel\t{one_line(grafana(target['expr']))}")
        else:
            with open(path) as file:
                rules = yaml.safe_load(file)
            for group in rules.get("groups", []):
                for rule in group.get("rules", []):
                    kind = "alert" if "alert" in rule else "record"
                    print(f"{path}\t{rule.get('alert') or rule.get('record')}\t{kind}\t{one_line(rule['expr'])}")


def selectors(expr):
    """metric{matchers} for each metric the expression reads (functions, keywords, label lists and strings left out)."""
    expr = re.sub(r"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)", " ", expr)
    found, i = [], 0
    while i < len(expr):
        char = expr[i]
        if char == '"':  # a string argument (label_replace and the like) is no metric
            i = skip_string(expr, i)
        elif char == "[":  # a range or subquery window
            i = expr.index("]", i) + 1
        elif char == "{":  # matchers without a metric name: {__name__=...}
            end = skip_matchers(expr, i)
            found.append(expr[i:end])
            i = end
        elif re.match(r"[A-Za-z_:]", char) and (i == 0 or not re.match(r"[A-Za-z0-9_.]", expr[i - 1])):
            name = re.match(r"[A-Za-z_:][A-Za-z0-9_:]*", expr[i:]).group(0)
            i += len(name)
            rest = expr[i:].lstrip()
            if rest.startswith("("):
                continue  # a function or aggregation
            if name.lower() in KEYWORDS or re.fullmatch(r"[0-9]+[smhdwy]", name):
                continue
            matchers = ""
            if rest.startswith("{"):
                start = len(expr) - len(rest)
                end = skip_matchers(expr, start)
                matchers, i = expr[start:end], end
            found.append(name + matchers)
        else:
            i += 1
    return list(dict.fromkeys(found))


def skip_string(expr, i):
    i += 1
    while expr[i] != '"':
        i += 2 if expr[i] == "\\" else 1
    return i + 1


def skip_matchers(expr, i):
    while expr[i] != "}":
        i = skip_string(expr, i) if expr[i] == '"' else i + 1
    return i + 1


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "list":
        list_expressions(sys.argv[2:])
    elif len(sys.argv) == 3 and sys.argv[1] == "selectors":
        for selector in selectors(sys.argv[2]):
            print(selector)
    else:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
