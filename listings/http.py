"""A 400 answer for a bad query-string value, as plain Chinese text or JSON."""

from django.http import HttpResponseBadRequest, JsonResponse


def bad_request(error, *, json=False):
    """The response for a ``ParameterError`` (or any message): status 400, message in Chinese."""
    message = getattr(error, "message", str(error))
    if json:
        return JsonResponse({"message": message, "error": message}, status=400)
    return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
