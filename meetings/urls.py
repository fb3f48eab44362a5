from django.urls import path

from meetings import views

app_name = "meetings"
urlpatterns = [
    path("<slug:slug>/report/", views.report, name="report"),
    path("<slug:slug>/report.<str:extension>", views.report_download, name="report_download"),
    path("<slug:slug>/draft/<str:part>.<str:extension>", views.draft_part_download, name="draft_part_download"),
]
