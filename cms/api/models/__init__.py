from .consumers import Consumer
from .reuse import ReuseCount
from .tombstones import Tombstone
from .webhooks import WebhookDelivery

__all__ = ["Consumer", "ReuseCount", "Tombstone", "WebhookDelivery"]
