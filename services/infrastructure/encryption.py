"""The event store's mapper, encrypting each event and snapshot with the key of the network it belongs to.

A stored state says itself how to read it, without knowing the aggregate's type:

    0x01 | network id (16 bytes) | nonce (12) | AES-256-GCM ciphertext and tag   sealed with the network's key
    0x00 | network id (16 bytes, zeros: none) | state                           in clear (NetworkErased)

The additional data of the cipher is the header with the event's originator id and version, so a sealed state
copied onto another event does not open. States stored before encryption existed start with '{' (JSON) and
are read as the library always read them.
"""

from __future__ import annotations

import secrets
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any
from uuid import UUID

from cryptography.exceptions import InvalidTag
from eventsourcing.domain import DomainEventProtocol, Snapshot
from eventsourcing.persistence import Compressor, Mapper, MapperDeserialisationError, StoredEvent, Transcoder
from eventsourcing.utils import get_topic

from domain.network import Network
from services.infrastructure.crypto import NONCE_BYTES, KeyErased, KeyStore

CLEAR, SEALED = 0, 1
CLEAR_MARK, SEALED_MARK = bytes([CLEAR]), bytes([SEALED])
HEADER = 17
NO_NETWORK = UUID(int=0)
CLEAR_EVENTS = (Network.NetworkErased,)  # what the read side must still see once the key is gone
NETWORK_TOPIC = get_topic(Network)
OWNERS_CACHED = 10_000

FirstEvent = Callable[[UUID], StoredEvent | None]


class EncryptingMapper(Mapper[UUID]):
    """Seals every state with its network's key; the key is made with the network's first event."""

    def __init__(
        self, transcoder: Transcoder, keys: KeyStore, first_event: FirstEvent, compressor: Compressor | None = None
    ) -> None:
        super().__init__(transcoder, compressor=compressor)
        self.keys = keys
        self.first_event = first_event  # an aggregate's first stored event (to find a reminder's network)
        self._owners: OrderedDict[UUID | str, UUID] = OrderedDict()  # aggregate -> its network, learnt in passing
        self._lock = threading.Lock()

    def to_stored_event(self, domain_event: DomainEventProtocol[UUID]) -> StoredEvent:
        stored = super().to_stored_event(domain_event)  # transcoded (and compressed), not encrypted
        network_id = self.network_of(domain_event)
        if network_id is None or isinstance(domain_event, CLEAR_EVENTS):
            return _with_state(stored, CLEAR_MARK + (network_id or NO_NETWORK).bytes + stored.state)
        opening = isinstance(domain_event, Network.NetworkOpened)
        key = self.keys.create(network_id) if opening else self.keys.get(network_id)
        if key is None:  # a network opened before encryption existed stays as it was stored; any other is refused
            if self._sealed_before(network_id):
                raise KeyErased(network_id)
            return _with_state(stored, CLEAR_MARK + network_id.bytes + stored.state)
        header = SEALED_MARK + network_id.bytes
        nonce = secrets.token_bytes(NONCE_BYTES)
        return _with_state(stored, header + nonce + key.encrypt(nonce, stored.state, _aad(header, stored)))

    def to_domain_event(self, stored_event: StoredEvent) -> DomainEventProtocol[UUID]:
        state = stored_event.state
        if state[0] > SEALED:
            return super().to_domain_event(stored_event)  # stored before encryption existed ('{')
        network_id = UUID(bytes=state[1:HEADER])
        if network_id != NO_NETWORK and self._owners.get(stored_event.originator_id) != network_id:
            self._remember(stored_event.originator_id, network_id)
        state = self._open(network_id, stored_event) if state[0] == SEALED else state[HEADER:]
        return super().to_domain_event(_with_state(stored_event, state))

    def _sealed_before(self, network_id: UUID) -> bool:
        first = self.first_event(network_id)
        return first is not None and first.state[0] == SEALED

    def _open(self, network_id: UUID, stored: StoredEvent) -> bytes:
        key = self.keys.get(network_id)
        if key is None:  # sealed, yet no key and no tombstone: the key row itself is gone
            raise KeyErased(network_id)
        state = stored.state
        try:
            return key.decrypt(state[HEADER : HEADER + NONCE_BYTES], state[HEADER + NONCE_BYTES :], _aad(state, stored))
        except InvalidTag:
            raise MapperDeserialisationError(
                f"The state of event {stored.originator_version} of {stored.originator_id} does not open with "
                f"the key of network {network_id}: it was changed, or sealed for another event."
            ) from None

    # ------------------------------------------------------------- networks
    def network_of(self, event: DomainEventProtocol[UUID]) -> UUID | None:
        """The network an event or snapshot belongs to: a network's own, or the one it names (a reminder's
        `network_id`), or that of the aggregate's first event; None for what belongs to no network."""
        if isinstance(event, Network.Event):
            return event.originator_id
        data: dict[str, Any] = vars(event)
        if isinstance(event, Snapshot):
            if event.topic == NETWORK_TOPIC:
                return event.originator_id
            data = event.state
        if data.get("network_id"):
            network_id = UUID(str(data["network_id"]))
            self._remember(event.originator_id, network_id)  # for its later events, maybe in the same save
            return network_id
        return self._owner(event.originator_id)

    def _owner(self, originator_id: UUID) -> UUID | None:
        with self._lock:
            known = self._owners.get(originator_id)
        if known is not None:
            return known
        first = self.first_event(originator_id)
        if first is None or first.state[0] > SEALED:
            return None
        network_id = UUID(bytes=first.state[1:HEADER])
        if network_id == NO_NETWORK:
            return None
        self._remember(originator_id, network_id)
        return network_id

    def _remember(self, originator_id: UUID | str, network_id: UUID) -> None:
        with self._lock:
            self._owners[originator_id] = network_id
            self._owners.move_to_end(originator_id)
            if len(self._owners) > OWNERS_CACHED:
                self._owners.popitem(last=False)


def _with_state(stored: StoredEvent, state: bytes) -> StoredEvent:
    return StoredEvent(stored.originator_id, stored.originator_version, stored.topic, state)  # replace() is slower


def _aad(header: bytes, stored: StoredEvent) -> bytes:
    """The header, and which event this is: a sealed state opens only where it was stored."""
    originator = stored.originator_id
    who = originator.bytes if isinstance(originator, UUID) else str(originator).encode()
    return header[:HEADER] + who + stored.originator_version.to_bytes(8, "big")
