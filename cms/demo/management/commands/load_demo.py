from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from cms.demo.loader import load_demo


class Command(BaseCommand):
    help = _("Load the demo library (agencies, taxonomies, media, articles); safe to run again.")

    def handle(self, *args, **options):
        logins = load_demo()
        self.stdout.write(self.style.SUCCESS(_("Demo content is loaded.")))
        for username, password in logins.items():
            self.stdout.write(
                _("Login: %(user)s / %(password)s") % {"user": username, "password": password}
            )
