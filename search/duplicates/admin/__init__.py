"""The admin side of the duplicate check: Wagtail's uploaders, choosers and add forms with our
matcher, the decision endpoint and the review pages (URLs in `..wagtail_hooks`)."""
