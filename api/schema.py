"""What the OpenAPI schema says of every endpoint besides its answer: its ETag, 304, and its errors."""

ERROR = {
    "type": "object",
    "properties": {"detail": {"type": "string"}},
    "required": ["detail"],
}
INVALID = {
    "type": "object",
    "description": "Each invalid query parameter, with what is wrong with it.",
    "additionalProperties": {"type": "array", "items": {"type": "string"}},
}
ETAG = {
    "ETag": {
        "description": "Names this answer; send it back in If-None-Match to get 304 while nothing has changed.",
        "schema": {"type": "string"},
    }
}


def conditional_and_errors(result, generator, request, public):
    """drf-spectacular's postprocessing hook: adds the ETag, 304, 400 and 404 to every endpoint of the API."""
    for path, operations in result.get("paths", {}).items():
        if not path.startswith("/api/v1/") or path == "/api/v1/schema/":
            continue
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            for status, answer in responses.items():
                if status == "200":
                    answer.setdefault("headers", {}).update(ETAG)
            responses["304"] = {"description": "Not Modified: the client's copy (If-None-Match) is current."}
            if any(parameter["in"] == "query" for parameter in operation.get("parameters", [])):
                responses["400"] = {
                    "description": "An invalid query parameter.",
                    "content": {"application/json": {"schema": INVALID}},
                }
            responses["404"] = {
                "description": "No such page, Congress or meeting, or one the client may not see.",
                "content": {"application/json": {"schema": ERROR}},
            }
    return result
