from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from transcoding.recovery import recover_jobs


class Command(BaseCommand):
    help = _(
        "Queue again the transcoding jobs whose worker died, whose retry is due or whose task "
        "was lost (the scheduler does this every minute)."
    )

    def handle(self, *args, **options):
        done = recover_jobs()
        self.stdout.write(_("Queued again: %(count)d job(s).") % {"count": len(done.queued)})
        if done.given_up:
            self.stdout.write(
                _("Failed for good: %(count)d job(s).") % {"count": len(done.given_up)}
            )
