from typing import Any

JSON_TYPES = {"object", "array", "string", "number", "integer", "boolean", "null"}
SCHEMA_MAPS = ("properties", "patternProperties", "$defs", "definitions", "dependentSchemas")
SCHEMA_ONE = ("items", "additionalProperties", "not", "if", "then", "else", "contains", "propertyNames")
SCHEMA_LISTS = ("anyOf", "oneOf", "allOf", "prefixItems")


def lint_tool_schemas(tools: list[dict[str, Any]]) -> list[str]:
    """Lint tool input_schemas for constructs that are not valid JSON Schema draft
    2020-12, the draft the API validates against. The API error names the tool by
    index ("tools.8..."); this also names the path inside the schema."""
    problems: list[str] = []

    def check(where: str, node: Any, path: str) -> None:
        if isinstance(node, bool):
            return  # true/false are valid schemas
        if not isinstance(node, dict):
            problems.append(f"{where} {path}: a schema must be an object or a boolean")
            return
        for key in ("exclusiveMinimum", "exclusiveMaximum"):
            if isinstance(node.get(key), bool):
                problems.append(f"{where} {path}.{key}: draft-04 boolean; must be a number")
        if "required" in node and not isinstance(node["required"], list):
            problems.append(f"{where} {path}.required: must be an array of property names")
        if "type" in node:
            types = node["type"] if isinstance(node["type"], list) else [node["type"]]
            if not all(isinstance(t, str) and t in JSON_TYPES for t in types):
                problems.append(f"{where} {path}.type: {node['type']!r} is not a JSON Schema type")
        if isinstance(node.get("items"), list):
            problems.append(f"{where} {path}.items: array form is draft-07 tuple syntax; use prefixItems")
        for key in SCHEMA_MAPS:
            if isinstance(node.get(key), dict):
                for name, sub in node[key].items():
                    check(where, sub, f"{path}.{key}.{name}")
        for key in SCHEMA_ONE:
            if key in node and not isinstance(node[key], list):
                check(where, node[key], f"{path}.{key}")
        for key in SCHEMA_LISTS:
            if isinstance(node.get(key), list):
                for i, sub in enumerate(node[key]):
                    check(where, sub, f"{path}.{key}[{i}]")

    for index, tool in enumerate(tools):
        where = f"tools.{index} ({tool.get('name')})"
        schema = tool.get("input_schema")
        if not isinstance(schema, dict) or schema.get("type") != "object":
            problems.append(f'{where}: top-level input_schema must be {{"type": "object", ...}}')
            continue
        check(where, schema, "input_schema")
    return problems
