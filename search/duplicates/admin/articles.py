"""An article that copies another article (or a document) is shown to its editor before it is
published: "publish" stops at a page listing the copies, each with reuse / cite / not a
duplicate; saving a draft warns with a link to the same page. The draft is kept either way."""

from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.models import Page

from search.keys import kind_for_model

from ..article_decisions import decide_about_article
from ..articles import undecided_copies
from ..decision_requests import InvalidDecision
from ..enums import ARTICLE_DECISIONS, Decision


def is_article(page) -> bool:
    return kind_for_model(type(page)) == "article"


def hold_publication_of_copies(request, page):
    """`before_publish_page`: a copy is not published before its editor has decided about it."""
    if not is_article(page):
        return None
    _check, copies = undecided_copies(page, request.user)
    if not copies:
        return None
    if page.last_published_at is None and page.live:
        # Wagtail adds a new page live, then publishes it: held back, it stays a draft.
        page.live, page.has_unpublished_changes = False, True
        page.save(update_fields=["live", "has_unpublished_changes"])
    messages.warning(request, _("Not published yet: this article looks like a text already in "
                                "the library. Decide about each copy first."))  # fmt: skip
    return redirect("duplicates_review_article", page.pk)


def warn_about_copies(request, page):
    """`after_create_page` / `after_edit_page`: a saved draft that copies a text says so."""
    if not is_article(page) or not page.has_unpublished_changes:
        return None
    _check, copies = undecided_copies(page.get_latest_revision_as_object(), request.user)
    if copies:
        messages.warning(
            request,
            _("This article looks like a text already in the library."),
            buttons=[messages.button(review_url(page), _("See the copies"))],
        )
    return None


def review_url(page) -> str:
    return reverse("duplicates_review_article", args=[page.pk])


def review_article(request, page_id: int):
    """The copies of the article's latest text, each with the three decisions."""
    page = _editable_article(request, page_id)
    check, copies = undecided_copies(page.get_latest_revision_as_object(), request.user)
    return TemplateResponse(
        request,
        "duplicates/review_article.html",
        {
            "page": page,
            "check": check,
            "copies": copies,
            "decisions": [(value, Decision(value).label) for value in ARTICLE_DECISIONS],
            "decide_url": reverse("duplicates_decide_article", args=[page.pk]),
            "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
        },
    )


@require_POST
def decide_article(request, page_id: int):
    """Record one decision; once every copy is decided (and none was "reuse"), the latest
    text is published for an editor who may publish it."""
    page = _editable_article(request, page_id)
    try:
        decided = decide_about_article(request.user, page, request.POST)
    except InvalidDecision as error:
        messages.error(request, str(error))
        return redirect(review_url(page))
    except LookupError as error:
        raise Http404(str(error)) from error
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    if decided.decision == Decision.REUSE:
        messages.success(request, _("Your article stays an unpublished draft: the library "
                                    "already holds this text."))  # fmt: skip
        return redirect(edit_url)
    _check, left = undecided_copies(page.get_latest_revision_as_object(), request.user)
    if left:
        return redirect(review_url(page))
    if page.permissions_for_user(request.user).can_publish():
        page.get_latest_revision().publish(user=request.user)
        messages.success(request, _("Your decision is recorded and the article is published."))
    else:
        messages.success(request, _("Your decision is recorded."))
    return redirect(edit_url)


def _editable_article(request, pk: int):
    page = Page.objects.filter(pk=pk).first()
    page = page.specific if page is not None else None
    if page is None or not is_article(page):
        raise Http404(_("There is no such article."))
    if not page.permissions_for_user(request.user).can_edit():
        raise Http404(_("There is no such article."))
    return page
