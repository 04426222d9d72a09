"""manage.py scheduler: enqueue the periodic maintenance tasks when they are due, until stopped."""

import signal
import threading

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from config.periodic.registry import registered
from config.periodic.scheduler import run_forever, tick
from config.queue.stopping import leave


class Command(BaseCommand):
    help = _(
        "Enqueue the periodic maintenance tasks when they are due (run one beside the workers)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval",
            type=float,
            default=getattr(settings, "SCHEDULER_TICK_SECONDS", 5.0),
            help=_("Seconds between two looks at what is due."),
        )
        parser.add_argument(
            "--once", action="store_true", help=_("Enqueue what is due now, then exit.")
        )

    def handle(self, *args, interval: float, once: bool, **options):
        if once:
            for name in tick():
                self.stdout.write(_("Queued: %(name)s") % {"name": name})
            return
        stop = threading.Event()
        for number in (signal.SIGTERM, signal.SIGINT):
            signal.signal(number, lambda *_args: stop.set())
        for entry in registered():
            every = entry.interval
            state = (
                _("every %(seconds)d s") % {"seconds": every.total_seconds()} if every else _("off")
            )
            self.stdout.write(f"{entry.name}: {state}")
        run_forever(stop, interval)
        self.stdout.write(_("Scheduler stopped."))
        leave(0)  # not the interpreter's slow teardown: supervisors SIGKILL after 5 s
