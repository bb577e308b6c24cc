"""Refuse accounts that cannot be one meeting: different known dates, or no person in common.

Merging two different meetings would mix their commitments and quotes into a memo that
describes neither, so it is an error naming the accounts. Two calendar dates more than a day
apart are different meetings (a readout dated the next morning, or across time zones, is
one day off); accounts whose participants fall into groups that share nobody are different
meetings. An account that names nobody, or gives no date, cannot be judged and is accepted.
"""

from __future__ import annotations

import datetime as dt

from ..errors import MergeError
from .people import Cluster

#: Calendar dates this far apart still describe one meeting (time zones, next-day readouts).
DATE_SLACK = dt.timedelta(days=1)


def check_dates(dates: list[dt.date | None], labels: list[str]) -> None:
    known = [(d, label) for d, label in zip(dates, labels, strict=True) if d is not None]
    if not known:
        return
    first, last = min(known), max(known)
    if last[0] - first[0] > DATE_SLACK:
        names = f"{first[1]}, {last[1]}"
        raise MergeError(
            names,
            f"not accounts of the same meeting: {first[1]} dates it {first[0].isoformat()}, "
            f"{last[1]} {last[0].isoformat()}",
        )


def check_people(clusters: list[Cluster], labels: list[str]) -> None:
    """Accounts must be linked through shared participants (directly or via another account)."""
    parent = list(range(len(labels)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    named: dict[int, list[str]] = {}
    for cluster in clusters:
        accounts = sorted({e.rank[0] for e in cluster.entries if e.participant})
        if not accounts or not cluster.key_name:
            continue
        for a in accounts:
            named.setdefault(a, []).append(cluster.key_name)
        for a in accounts[1:]:
            parent[root(a)] = root(accounts[0])
    groups: dict[int, list[int]] = {}
    for a in sorted(named):
        groups.setdefault(root(a), []).append(a)
    if len(groups) > 1:
        (a, *_), (b, *_) = list(groups.values())[:2]
        raise MergeError(
            f"{labels[a]}, {labels[b]}",
            f"not accounts of the same meeting: {labels[a]} names {', '.join(named[a][:3])}; "
            f"{labels[b]} names {', '.join(named[b][:3])}",
        )
