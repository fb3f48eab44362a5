from django.urls import path

from public import now, views

app_name = "meetings"
urlpatterns = [
    path("<slug:slug>/", views.meeting_detail, name="detail"),
    path("<slug:slug>/agenda/", views.agenda, name="agenda"),
    path("<slug:slug>/programme/", views.programme, name="programme"),
    path("<slug:slug>/programme.ics", views.programme_ics, name="programme_ics"),
    path("<slug:slug>/programme/<str:day>/", views.meeting_day, name="day"),
    path("<slug:slug>/programme/<str:day>.ics", views.meeting_day_ics, name="day_ics"),
    path("<slug:slug>/today/", views.today, name="today"),
    path("<slug:slug>/now/", now.now, name="now"),
    path("<slug:slug>/today/<str:state>-<int:number>/", views.today_session, name="today_session"),
    path("<slug:slug>/documents/", views.documents, name="documents"),
    path(
        "<slug:slug>/documents/<int:pk>/<str:language>/",
        views.document_file,
        name="document_file",
    ),
    path("<slug:slug>/participation/", views.participation, name="participation"),
    path("<slug:slug>/report/", views.report, name="report"),
    path("<slug:slug>/report.<str:extension>", views.report_download, name="report_download"),
    # Before the part's own address, which would take "L.2-Add.1-as-revised" for a part's symbol.
    path(
        "<slug:slug>/draft/<str:part>-as-revised.<str:extension>",
        views.revised_part_download,
        name="revised_part_download",
    ),
    path("<slug:slug>/draft/<str:part>.<str:extension>", views.draft_part_download, name="draft_part_download"),
]
