"""Congresses and meetings as the API gives them: English field names, each text in six languages."""

from operator import attrgetter

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.texts import TEXTS_SCHEMA, URLS_SCHEMA, SiteUrlsField, TextsField, WordsField, texts_of
from languages import letter
from languages.versions import text_in
from meetings.models import Meeting, Officer, Participation
from public.document_files import document_rows


@extend_schema_field(URLS_SCHEMA)
class PagesField(serializers.DictField):
    """Addresses on the site in each language, computed beforehand."""


@extend_schema_field(TEXTS_SCHEMA)
class LanguagesField(serializers.DictField):
    """Texts in each language, computed beforehand."""


def absolute(request, name, **kwargs):
    return request.build_absolute_uri(reverse(name, kwargs=kwargs))


class CongressItemSerializer(serializers.Serializer):
    """A substantive item of the Congress's agenda, or one of its workshops."""

    number = serializers.IntegerField()
    title = TextsField("title")


class CongressSerializer(serializers.Serializer):
    ordinal = serializers.IntegerField(help_text="14 for the Fourteenth Congress; names it in the API's addresses.")
    symbol_prefix = serializers.CharField(help_text="Its document series, e.g. A/CONF.234.")
    title = TextsField("title")
    short_title = TextsField("short_title")
    main_theme = TextsField("main_theme")
    host_city = TextsField("host_city")
    host_country = TextsField("name", of=attrgetter("host_country"))
    start_date = serializers.DateField()
    end_date = serializers.DateField()
    url = serializers.SerializerMethodField()
    meetings_url = serializers.SerializerMethodField()
    feed = SiteUrlsField(lambda congress: reverse("congress_feed", kwargs={"ordinal": congress.ordinal}))

    def get_url(self, congress) -> str:
        return absolute(self.context["request"], "api:congress-detail", ordinal=congress.ordinal)

    def get_meetings_url(self, congress) -> str:
        url = absolute(self.context["request"], "api:meeting-list")
        return f"{url}?congress={congress.ordinal}"


class MeetingSerializer(serializers.Serializer):
    slug = serializers.SlugField(help_text="Names the meeting in the API's and the site's addresses.")
    symbol = serializers.CharField(help_text="The report's symbol, e.g. A/CONF.234/RPM.2/1.")
    congress = serializers.IntegerField(source="congress.ordinal", help_text="The Congress's ordinal.")
    number = serializers.IntegerField(help_text="2 for RPM.2.")
    title = WordsField(lambda meeting, code: meeting.display_title_in(code))
    region = TextsField("region")
    venue_city = TextsField("venue_city")
    venue_country = TextsField("name", of=attrgetter("venue_country"))
    start_date = serializers.DateField()
    end_date = serializers.DateField()
    time_zone = serializers.CharField()
    status = serializers.ChoiceField(choices=Meeting.Status.choices)
    report_status = serializers.ChoiceField(choices=Meeting.ReportStatus.choices)
    original_language = serializers.ChoiceField(choices=Meeting.Language.choices)
    second_original_language = serializers.CharField(help_text="Empty unless the report has two originals.")
    is_published = serializers.BooleanField(help_text="Always true for an anonymous client.")
    url = serializers.SerializerMethodField()
    page = SiteUrlsField(lambda meeting: meeting.get_absolute_url())
    feed = SiteUrlsField(lambda meeting: reverse("meeting_feed", kwargs={"slug": meeting.slug}))

    def get_url(self, meeting) -> str:
        return absolute(self.context["request"], "api:meeting-detail", slug=meeting.slug)


class OfficerSerializer(serializers.Serializer):
    role = serializers.ChoiceField(choices=Officer.Role.choices)
    office = WordsField(lambda officer, code: officer.office_title())
    name = serializers.CharField()
    state = TextsField("name", of=attrgetter("state"))
    elected_at = serializers.IntegerField(source="elected_at.number", help_text="The plenary meeting's number.")


class ParticipationSerializer(serializers.Serializer):
    kind = serializers.SerializerMethodField()
    name = TextsField("name", of=lambda participation: participation.state or participation.organization)
    short_name = TextsField("short_name", of=lambda participation: participation.organization)
    capacity = serializers.ChoiceField(choices=Participation.Capacity.choices)
    category = serializers.SerializerMethodField()

    def get_kind(self, participation) -> str:
        return "state" if participation.state_id else "organization"

    def get_category(self, participation) -> str:
        """An organization's category (un_entity, institute, intergovernmental, non_governmental); "" for a State."""
        return participation.organization.category if participation.organization_id else ""


class AgendaEntrySerializer(serializers.Serializer):
    """An item of the agenda or a sub-item: its place, title and annotation, and its documents' symbols."""

    number = serializers.SerializerMethodField()
    # Its own title in the language, else its Congress topic's (a sub-item that takes up a topic has no title).
    title = WordsField(lambda item, code: text_in(item, "title", code) or (item.topic_id and item.topic.title_in(code)))
    annotation = TextsField("annotation")
    documents = serializers.SerializerMethodField()

    def get_number(self, item) -> str:
        """ "3" for the third item, "c" for its third sub-item."""
        siblings = self.context["siblings"]
        index = siblings.get(item.pk, 0)
        return letter(index) if item.parent_id else str(index + 1)

    def get_documents(self, item) -> list[str]:
        return [document.symbol for document in item.documents.all()]


class AgendaItemSerializer(AgendaEntrySerializer):
    sub_items = AgendaEntrySerializer(many=True, source="sub_items.all")


class FileSerializer(serializers.Serializer):
    language = serializers.CharField()
    format = serializers.CharField(help_text="PDF, Word or OpenDocument.")
    url = serializers.URLField()
    generated = serializers.BooleanField(help_text="Written by Rapporteur from the meeting's records.")


class DocumentSerializer(serializers.Serializer):
    symbol = serializers.CharField()
    kind = serializers.CharField()
    title = LanguagesField()
    issued_on = serializers.DateField(allow_null=True)
    is_published = serializers.BooleanField()
    files = FileSerializer(many=True)


class MeetingDetailSerializer(MeetingSerializer):
    regional_commission = TextsField("name", of=attrgetter("regional_commission"))
    officers = OfficerSerializer(many=True, source="officers.all")
    attendance = ParticipationSerializer(many=True, source="participations.all")
    agenda = serializers.SerializerMethodField()
    documents = serializers.SerializerMethodField()
    paragraphs_url = serializers.SerializerMethodField()
    recommendations_url = serializers.SerializerMethodField()

    @extend_schema_field(AgendaItemSerializer(many=True))
    def get_agenda(self, meeting):
        siblings = {}
        for index, item in enumerate(meeting.top_level_items):
            siblings[item.pk] = index
            for sub_index, sub in enumerate(item.sub_items.all()):
                siblings[sub.pk] = sub_index
        context = {**self.context, "siblings": siblings}
        return AgendaItemSerializer(meeting.top_level_items, many=True, context=context).data

    @extend_schema_field(DocumentSerializer(many=True))
    def get_documents(self, meeting):
        request = self.context["request"]
        documents = []
        for row in document_rows(meeting, meeting.visible_documents):
            document = row.document
            files = [
                {
                    "language": version.language,
                    "format": str(link.format),
                    "url": request.build_absolute_uri(link.url),
                    "generated": link.generated,
                }
                for version in row.versions
                for link in version.files
            ]
            documents.append(
                {
                    "symbol": document.symbol,
                    "kind": document.kind,
                    "title": texts_of(document, "title"),
                    "issued_on": document.issued_on,
                    "is_published": document.is_published,
                    "files": files,
                }
            )
        return DocumentSerializer(documents, many=True).data

    def get_paragraphs_url(self, meeting) -> str:
        return absolute(self.context["request"], "api:meeting-paragraphs", slug=meeting.slug)

    def get_recommendations_url(self, meeting) -> str:
        return absolute(self.context["request"], "api:meeting-recommendations", slug=meeting.slug)


class CongressDetailSerializer(CongressSerializer):
    agenda_items = CongressItemSerializer(many=True, source="agenda_items.all")
    workshops = CongressItemSerializer(many=True, source="workshops.all")
    meetings = MeetingSerializer(many=True, source="visible_meetings")


class ParagraphSerializer(serializers.Serializer):
    number = serializers.IntegerField(help_text="The paragraph's number, the same in every language.")
    letter = serializers.CharField(help_text="A lettered subparagraph's letter, c for (c); empty for a paragraph.")
    kind = serializers.ChoiceField(choices=["paragraph", "summary", "recommendation"])
    anchor = serializers.CharField(help_text="Its anchor on the report's page: para-42, para-42-c.")
    label = LanguagesField(help_text="The number or letter as each version writes it: 42., (c), c), (ج).")
    text = LanguagesField(help_text="As each version prints it; null where a drafted text is not translated.")
    page = PagesField()


class TopicSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=["main_theme", "substantive"])
    agenda_item = serializers.IntegerField(allow_null=True, help_text="The Congress agenda item's number.")
    workshop = serializers.IntegerField(allow_null=True, help_text="The Congress workshop's number.")
    title = LanguagesField()


class RecommendationSerializer(serializers.Serializer):
    number = serializers.IntegerField(help_text="The number of the paragraph the recommendation is lettered under.")
    letter = serializers.CharField(help_text="c for (c).")
    anchor = serializers.CharField(help_text="Its anchor on the report's page: para-42-c.")
    topic = TopicSerializer()
    text = LanguagesField(help_text="As drafted, without the punctuation the report adds; null where untranslated.")
    page = PagesField()
