"""The duplicates app: fingerprints of every asset and article, matching across agencies, what a
match may disclose, groups of one work, editors' decisions, its API, admin steps and report data.

Layout: `algorithms/` (pure, no Django), `modalities/` (one class per modality), then the Django
side: models, fingerprinting, matching, disclosure, groups, decisions, views (API), admin/,
wagtail_hooks, signal_handlers, management command. It registers itself into the upload path and
the search records from `apps.DuplicatesConfig.ready`.
"""
