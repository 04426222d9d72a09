"""/feeds/<topics|campaigns|agencies>/<slug>/<rss|atom>/"""

from django.urls import path

from .feeds import AgencyFeed, CampaignFeed, TopicFeed, atom

app_name = "feeds"
urlpatterns = []
for prefix, feed in (("topics", TopicFeed), ("campaigns", CampaignFeed), ("agencies", AgencyFeed)):
    urlpatterns += [
        path(f"{prefix}/<str:slug>/rss/", feed(), name=f"{prefix}_rss"),
        path(f"{prefix}/<str:slug>/atom/", atom(feed)(), name=f"{prefix}_atom"),
    ]
