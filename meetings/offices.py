"""The titles of a meeting's offices, in the holder's gender where the language marks it.

Spanish, French and Arabic give the title the holder's gender (Presidenta, Présidente, الرئيسة); English,
Russian and Chinese have one form. The feminine forms sit in the catalogues under their own message
context, so a translator sees them apart; a title stays in the usual form unless every holder it
names is recorded as a woman (Spanish "Vicepresidentes" for a man and a woman, as UN Spanish does).
The site, which names one holder at a time, uses the office's neutral name when no gender is recorded.
Roles are the Officer.Role values ("chair", "vice_chair", "rapporteur").
"""

from django.utils.translation import gettext, npgettext, pgettext


def office_title(role, gender):
    """ "Chair", "Vice-Chair", "Rapporteur" for the site: in the holder's gender ("woman" or "man") where
    the language marks it; with no gender recorded, the office's own name (Spanish "Presidencia")."""
    if gender == "woman":
        return {
            "chair": pgettext("office held by a woman", "Chair"),
            "vice_chair": pgettext("office held by a woman", "Vice-Chair"),
            "rapporteur": pgettext("office held by a woman", "Rapporteur"),
        }[role]
    if gender == "man":
        return {
            "chair": pgettext("office held by a man", "Chair"),
            "vice_chair": pgettext("office held by a man", "Vice-Chair"),
            "rapporteur": pgettext("office held by a man", "Rapporteur"),
        }[role]
    # The same messages as Officer.Role's labels.
    return {"chair": gettext("Chair"), "vice_chair": gettext("Vice-Chair"), "rapporteur": gettext("Rapporteur")}[role]


def office_label(role, count, *, women=False):
    """ "Chair:", "Vice-Chairs:" … as the report's list of officers heads a role's holders."""
    if women:
        if role == "chair":
            return npgettext("report, office held by women", "Chair:", "Chairs:", count)
        if role == "vice_chair":
            return npgettext("report, office held by women", "Vice-Chair:", "Vice-Chairs:", count)
        return npgettext("report, office held by women", "Rapporteur:", "Rapporteurs:", count)
    if role == "chair":
        return npgettext("report", "Chair:", "Chairs:", count)
    if role == "vice_chair":
        return npgettext("report", "Vice-Chair:", "Vice-Chairs:", count)
    return npgettext("report", "Rapporteur:", "Rapporteurs:", count)
