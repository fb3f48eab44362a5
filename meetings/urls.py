from django.urls import path

from meetings import views

app_name = "meetings"
urlpatterns = [
    path("<slug:slug>/report/", views.report, name="report"),
]
