"""Child process for crash-safety tests: writes findings through the real services in a loop and
prints ``committed <id>`` after each commit returns. The parent kills it with SIGKILL."""

from __future__ import annotations

import sys

from vetting.db import open_database
from vetting.services import findings as F
from vetting.services import users as U

url, username, password, item_id = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
db = open_database(url)
actor = U.sign_in(db, username=username, password=password)
print("ready", flush=True)
n = 0
while True:
    n += 1
    f = F.add_finding(db, actor, item_result_id=item_id, platform="Facebook",
                      text=f"Post {n}: as a proud Army veteran I drove 120 mph again, catch me if you can.",
                      categories=["reckless_behaviour"], url=f"https://facebook.example/p/{n}")
    print(f"committed {f.id}", flush=True)
