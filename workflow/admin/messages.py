"""The admin's own confirmations, said again in Rapporteur's catalogues without an article that agrees with the
record's name.

Django's catalogues write "El {name} “{obj}” fue agregado", "{name} «{obj}» был добавлен" whatever {name} is:
"El reunión regional", "Совещание … был добавлен". Rapporteur's catalogues come first (LOCALE_PATHS), so these
same messages are translated there in a wording that agrees with any record ("Se agregó correctamente: …").
Listed here so that makemessages keeps them in the catalogues.
"""

from django.utils.translation import gettext_noop

DJANGO_ADMIN_MESSAGES = (
    gettext_noop("The {name} “{obj}” was added successfully."),
    gettext_noop("The {name} “{obj}” was added successfully. You may edit it again below."),
    gettext_noop("The {name} “{obj}” was added successfully. You may add another {name} below."),
    gettext_noop("The {name} “{obj}” was changed successfully."),
    gettext_noop("The {name} “{obj}” was changed successfully. You may edit it again below."),
    gettext_noop("The {name} “{obj}” was changed successfully. You may add another {name} below."),
    gettext_noop("The {name} “{obj}” was deleted successfully."),
)
