"""Every form control on the main pages has a label a screen reader reads."""
from __future__ import annotations

from html.parser import HTMLParser

import pytest


class Controls(HTMLParser):
    def __init__(self):
        super().__init__()
        self.label_for: set[str] = set()
        self.open_labels = 0
        self.unlabelled: list[str] = []
        self.pending: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "label":
            self.open_labels += 1
            if a.get("for"):
                self.label_for.add(a["for"])
        elif tag in ("input", "select", "textarea") and a.get("type") not in ("hidden", "submit"):
            if not (self.open_labels or a.get("aria-label") or a.get("aria-labelledby")):
                self.pending.append((tag, a))

    def handle_endtag(self, tag):
        if tag == "label":
            self.open_labels -= 1

    def problems(self) -> list[str]:
        return [f"<{t} name={a.get('name')!r} id={a.get('id')!r}>" for t, a in self.pending
                if a.get("id") not in self.label_for]


@pytest.mark.parametrize("path", ["/", "/van-ban", "/chi-tieu", "/don-vi", "/thoi-han", "/tai-len",
                                  "/tim-kiem?q=ho+ngheo", "/van-ban/{doc}", "/tai-len/{doc}",
                                  "/don-vi/{unit}"])
def test_every_control_is_labelled(client, web_session, plan_id, path):
    assert client.post(f"/tai-len/{plan_id}/xac-nhan").status_code in (200, 303)
    from nghiquyet.track.orgs import document_unit
    unit = document_unit(web_session, plan_id)
    r = client.get(path.format(doc=plan_id, unit=unit.id))
    assert r.status_code == 200
    parser = Controls()
    parser.feed(r.text)
    assert parser.problems() == []
