"""Check a JSON value against a schema of the API's published OpenAPI document.

Covers the parts of JSON Schema that django-ninja emits: $ref, allOf, anyOf, enum, type,
properties/required (no undeclared keys), items, maxLength, minimum, maximum.
"""

from __future__ import annotations

from typing import Any

_TYPES: dict[str, tuple[type, ...]] = {
    "object": (dict,),
    "array": (list,),
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "null": (type(None),),
}


def schema_errors(
    value: Any, schema: dict[str, Any], document: dict[str, Any], at: str = "$"
) -> list[str]:
    if "$ref" in schema:
        name = schema["$ref"].removeprefix("#/components/schemas/")
        return schema_errors(value, document["components"]["schemas"][name], document, at)
    errors: list[str] = []
    for part in schema.get("allOf", []):
        errors += schema_errors(value, part, document, at)
    if "anyOf" in schema:
        options = [schema_errors(value, part, document, at) for part in schema["anyOf"]]
        if all(options):
            errors.append(f"{at}: matches none of anyOf ({options})")
    if "enum" in schema and value not in schema["enum"]:
        errors.append(f"{at}: {value!r} not in {schema['enum']}")
    kind = schema.get("type")
    if kind is None:
        return errors
    is_bool_as_number = kind in ("integer", "number") and isinstance(value, bool)
    if not isinstance(value, _TYPES[kind]) or is_bool_as_number:
        return [*errors, f"{at}: expected {kind}, got {type(value).__name__}"]
    if kind == "object":
        properties = schema.get("properties", {})
        for name in schema.get("required", []):
            if name not in value:
                errors.append(f"{at}: missing {name!r}")
        if properties:
            errors += [f"{at}: undeclared {name!r}" for name in value if name not in properties]
        for name, item in value.items():
            if name in properties:
                errors += schema_errors(item, properties[name], document, f"{at}.{name}")
    elif kind == "array":
        for index, item in enumerate(value):
            errors += schema_errors(item, schema.get("items", {}), document, f"{at}[{index}]")
    elif kind == "string" and "maxLength" in schema and len(value) > schema["maxLength"]:
        errors.append(f"{at}: longer than {schema['maxLength']}")
    elif kind in ("integer", "number"):
        if "minimum" in schema and value < schema["minimum"]:
            errors.append(f"{at}: below {schema['minimum']}")
        if "maximum" in schema and value > schema["maximum"]:
            errors.append(f"{at}: above {schema['maximum']}")
    return errors


def response_schema(document: dict[str, Any], path: str, status: int) -> dict[str, Any]:
    operation = document["paths"][path]["get"]
    return operation["responses"][str(status)]["content"]["application/json"]["schema"]
