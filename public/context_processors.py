from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language_info


def language_versions(request):
    """The page the reader is on, in each of the six languages, for the language links."""
    path = request.get_full_path()
    return {
        "language_versions": [
            (code, get_language_info(code)["name_local"], translate_url(path, code))
            for code, _name in settings.LANGUAGES
        ]
    }
