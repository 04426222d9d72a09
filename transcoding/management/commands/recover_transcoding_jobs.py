from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from transcoding.runner import setting
from transcoding.scheduling import recover_stale_jobs


class Command(BaseCommand):
    help = _("Queue again the transcoding jobs whose worker died or whose task was lost.")

    def add_arguments(self, parser):
        parser.add_argument("--stale-seconds", type=int, default=setting("STALE_SECONDS", 120))

    def handle(self, *args, stale_seconds: int, **options):
        job_ids = recover_stale_jobs(stale_seconds)
        self.stdout.write(_("Queued again: %(count)d job(s).") % {"count": len(job_ids)})
