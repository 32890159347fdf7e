"""Breaking a prepared paragraph into lines of a given width (spec §3, §4, §6, §7).

Line by line: find the furthest break the line could take with every
squeezable blank removed (a bisection over prefix sums), then look back over
the allowed breaks from there. The first break whose natural width fits is
the push-out choice (the line is then stretched); the ones beyond it that fit
only when punctuation is squeezed are push-in choices. The choice that moves
spacing least, plus the break's own cost, wins; compressing wins a tie.

A paragraph whose last line would hold a single character (孤字) is mended
by pulling that line up into the previous one (squeezing it) or by bringing
one more character down, whichever changes spacing less.
"""

from __future__ import annotations

from bisect import bisect_right
from heapq import heappop, heappush
from dataclasses import dataclass
from itertools import accumulate

from ...typography import linebreak as lb
from ...typography import spacing as sp
from .typeset_prepare import Prepared

EPSILON = 0.01  # points: widths closer than this are equal
MAX_STRETCH_EM = 0.5  # per gap, when bringing a character down for 孤字
LOOSE_EM = 0.2  # per gap: a line this loose makes the whole paragraph be set again at once
# total fit: a line's cost is its spacing change squared plus its break's cost
STRETCH_WEIGHT = 100.0  # per (em per gap) squared: 0.1 em per gap costs 1
SQUEEZE_WEIGHT = 4.0  # per (em squeezed) squared: a mark's whole blank costs 1
ORPHAN_COST = 50.0  # a last line of one character (孤字)
EMERGENCY_COST = 1000.0
UNJUSTIFIABLE_COST = 500.0


@dataclass(frozen=True)
class Line:
    """One set line: atoms ``[start, end)`` of its paragraph.

    ``x0`` is where the first box starts (the indent); ``trim`` the blank
    cut from an opening mark at the start; ``width`` the measure the line is set to;
    ``natural`` its width before justification; ``stretch`` what each
    stretchable junction gains; ``squeeze`` the share taken from each squeeze
    level (0 to 1). ``text_start``/``text_end`` are offsets into the
    paragraph's text.
    """

    start: int
    end: int
    text_start: int
    text_end: int
    text: str
    x0: float
    trim: float
    width: float
    natural: float
    stretch: float
    squeeze: tuple[float, ...]
    first: bool  # the paragraph's first line (indented)
    last: bool  # the paragraph's last line (natural spacing)
    justified: bool

    @property
    def set_width(self) -> float:
        """The width the line's boxes take once set (points)."""
        if self.justified and self.stretch > 0:
            return self.width
        return min(self.natural, self.width)


class Breaker:
    """Breaks one prepared paragraph; reusable for several widths."""

    def __init__(self, p: Prepared):
        self.p = p
        self.gap_room = p.gap_room
        self.E = [0.0, *accumulate(p.eff)]
        self.Q = [0.0, *accumulate(p.tight)]
        self._cache: dict[tuple, list[Line]] = {}

    # ------------------------------------------------------------ measuring

    def metrics(self, s: int, e: int, continuation: bool) -> tuple[float, float, float]:
        """(natural width, squeezable amount, trimmed blank at the start) of atoms [s, e) as one line."""
        p = self.p
        last = e - 1
        natural = self.E[e] - self.E[s] - p.gap_after[last]
        room = (self.E[e] - self.E[s]) - (self.Q[e] - self.Q[s]) - self.gap_room[last]
        kind = p.kinds[last]
        if kind in sp.BLANK_RIGHT:  # a line-end mark loses its blank (§4, GB/T 15834 §5.1.10)
            natural -= sp.MARK_BLANK * p.sizes[last] - p.cut_right[last]
            room -= p.squeeze[last]
        elif kind == lb.SPACE:  # a space at a line end is not set
            natural -= p.box[last]
            room -= p.squeeze[last]
        trim = 0.0
        if continuation and p.kinds[s] == lb.OPEN:  # trim the opening mark's blank
            trim = sp.MARK_BLANK * p.sizes[s] - p.cut_left[s]
            natural -= trim
            room -= p.squeeze[s]
        return natural, (room if room > 0.0 else 0.0), trim

    # ------------------------------------------------------------ breaking

    def lines(self, width: float, indent: float, first: int, stop: int, justify: bool,
              avoid_orphan: bool) -> list[Line]:
        """Lines of atoms ``[first, stop)`` at ``width``; the first line is indented
        by ``indent`` when ``first`` is the paragraph's start."""
        key = (round(width, 3), indent, first, stop, justify, avoid_orphan)
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = self._lines(width, indent, first, stop, justify, avoid_orphan)
            # the paragraph continued after a split goes on with the same lines
            for i in range(1, len(found)):
                self._cache.setdefault(key[:2] + (found[i].start,) + key[3:], found[i:])
        return found

    def _lines(self, width: float, indent: float, first: int, stop: int, justify: bool,
               avoid_orphan: bool) -> list[Line]:
        p = self.p
        n = len(p)
        if stop <= first:
            return []
        cuts: list[int] = []
        s = first
        while s < stop:
            opening = s == 0
            e = self._choose(s, width - (indent if opening else 0.0), not opening, stop)
            cuts.append(e)
            s = e
        if avoid_orphan and stop == n and len(cuts) >= 2:
            self._mend_orphan(cuts, first, width, indent)
        out = self._set_lines(cuts, first, width, indent, justify)
        if justify and any(line.stretch > LOOSE_EM * p.sizes[line.start] for line in out):
            better = self._total_fit(first, stop, width, indent, avoid_orphan)
            if better is not None:
                out = self._set_lines(better, first, width, indent, justify)
        return out

    def _set_lines(self, cuts: list[int], first: int, width: float, indent: float, justify: bool) -> list[Line]:
        n = len(self.p)
        out = []
        s = first
        for e in cuts:
            opening = s == 0
            measure = width - (indent if opening else 0.0)
            out.append(self._line(s, e, measure, opening, e == n, justify, indent if opening else 0.0))
            s = e
        return out

    def _choose(self, s: int, measure: float, continuation: bool, stop: int) -> int:
        p = self.p
        penalty = p.penalty_after
        # natural - room of a line is at most its tight width plus a line end's amounts
        reach = bisect_right(self.Q, self.Q[s] + measure + 0.5 * p.sizes[s]) - 1
        e = reach if reach > s else s + 1
        if e > stop:
            e = stop
        best, best_cost = None, None
        while e > s:
            cost_break = 0.0 if e == stop else penalty[e - 1]
            if cost_break is not None:
                natural, room, _trim = self.metrics(s, e, continuation)
                if natural - room <= measure + EPSILON:
                    size = p.sizes[e - 1]
                    if natural > measure + EPSILON:  # push-in: squeeze
                        cost = (natural - measure) / size + cost_break
                    elif e == stop:
                        cost = 0.0
                    else:  # push-out: stretch
                        cost = (measure - natural) / size + cost_break + 1e-6
                    if best_cost is None or cost < best_cost:
                        best, best_cost = e, cost
                    if natural <= measure + EPSILON and (measure - natural) / size >= best_cost:
                        break  # shorter lines only stretch more
            e -= 1
        if best is not None:
            return best
        return self._emergency(s, measure, continuation, stop)

    # ------------------------------------------------------------ total fit

    def _total_fit(self, first: int, stop: int, width: float, indent: float,
                   avoid_orphan: bool) -> list[int] | None:
        """Breaks chosen for the whole paragraph at once (Knuth and Plass's total
        fit over the candidates of each line): used when line-by-line choice
        leaves a loose line, so that earlier lines can take or give a character."""
        p = self.p
        n = len(p)
        best: dict[int, tuple[float, int]] = {first: (0.0, -1)}
        heap = [first]
        while heap:
            s = heappop(heap)
            base = best[s][0]
            measure = width - (indent if s == 0 else 0.0)
            for e, cost in self._candidates(s, measure, s != 0, stop):
                if e == n and avoid_orphan and p.count_letters(s, e) < 2 and s > first:
                    cost += ORPHAN_COST
                total = base + cost
                known = best.get(e)
                if known is None or total < known[0] - 1e-9:
                    if known is None and e < stop:
                        heappush(heap, e)
                    best[e] = (total, s)
        if stop not in best:
            return None
        cuts = []
        e = stop
        while e != first:
            cuts.append(e)
            e = best[e][1]
        return cuts[::-1]

    def _candidates(self, s: int, measure: float, continuation: bool, stop: int):
        """Possible ends of a line starting at ``s`` with their costs: every
        break that fits squeezed, and the first few that fit stretched."""
        p = self.p
        penalty = p.penalty_after
        reach = bisect_right(self.Q, self.Q[s] + measure + 0.5 * p.sizes[s]) - 1
        e = reach if reach > s else s + 1
        if e > stop:
            e = stop
        found = []
        stretched = 0
        while e > s and stretched < 4:
            cost_break = 0.0 if e == stop else penalty[e - 1]
            if cost_break is not None:
                natural, room, _trim = self.metrics(s, e, continuation)
                size = p.sizes[e - 1]
                if natural > measure + EPSILON:
                    if natural - room <= measure + EPSILON:
                        found.append((e, SQUEEZE_WEIGHT * ((natural - measure) / size) ** 2 + cost_break))
                elif e == stop and e == len(p):
                    found.append((e, 0.0))
                    break
                else:
                    gaps = sum(p.stretch_after[s:e - 1])
                    if gaps:
                        cost = STRETCH_WEIGHT * ((measure - natural) / size / gaps) ** 2
                    else:  # nothing to spread the room over: the line stays ragged
                        cost = 0.0 if measure - natural < EPSILON else UNJUSTIFIABLE_COST
                    found.append((e, cost + cost_break))
                    stretched += 1
            e -= 1
        if not found:
            found.append((self._emergency(s, measure, continuation, stop), EMERGENCY_COST))
        return found

    def _emergency(self, s: int, measure: float, continuation: bool, stop: int) -> int:
        """No allowed break fits: the longest run that fits, whatever the rules."""
        e = min(bisect_right(self.Q, self.Q[s] + measure + EPSILON), stop)
        while e > s + 1:
            natural, room, _x0 = self.metrics(s, e, continuation)
            if natural - room <= measure + EPSILON:
                break
            e -= 1
        return max(e, s + 1)

    def _mend_orphan(self, cuts: list[int], start: int, width: float, indent: float) -> None:
        """A last line of one character (孤字): pull it up or bring one down."""
        p = self.p
        n = len(p)
        e2 = cuts[-2]
        s2 = cuts[-3] if len(cuts) >= 3 else start
        if p.count_letters(e2, n) >= 2:
            return
        first = s2 == 0
        measure = width - (indent if first else 0.0)
        options = []
        natural, room, _x0 = self.metrics(s2, n, not first)
        if natural - room <= measure + EPSILON:
            options.append((max(natural - measure, 0.0), "up", n))
        for e in range(e2 - 1, max(s2, e2 - 6), -1):
            if p.penalty_after[e - 1] is None or p.count_letters(e, n) < 2:
                continue
            natural, room, _x0 = self.metrics(s2, e, not first)
            gaps = sum(p.stretch_after[s2:e - 1])
            slack = measure - natural
            if slack >= -EPSILON and gaps and slack / gaps <= MAX_STRETCH_EM * p.sizes[e - 1]:
                options.append((slack, "down", e))
                break
        if not options:
            return
        _change, how, e = min(options)
        if how == "up":
            cuts[-2:] = [n]
        else:
            cuts[-2] = e

    def _line(self, s: int, e: int, measure: float, first: bool, last: bool, justify: bool,
              indent: float) -> Line:
        p = self.p
        natural, room, trim = self.metrics(s, e, not first)
        stretch = 0.0
        squeeze = (0.0,) * 5
        if natural > measure + EPSILON:
            squeeze = self._squeeze(s, e, natural - measure, not first)
        elif justify and not last:
            gaps = sum(p.stretch_after[s:e - 1])
            if gaps:
                stretch = (measure - natural) / gaps
        text_end = p.ends[e - 1]
        return Line(s, e, p.starts[s], text_end, p.text[p.starts[s]:text_end], indent, trim,
                    measure, natural, stretch, squeeze, first, last, justify and not last)

    def _squeeze(self, s: int, e: int, needed: float, continuation: bool) -> tuple[float, ...]:
        """The share of each squeeze level taken, in clreq's order, to remove ``needed``."""
        p = self.p
        room = [0.0] * 5
        last = e - 1
        for k in range(s, e):
            level = p.squeeze_level[k]
            if level >= 0 and not (k == last and p.kinds[k] in sp.BLANK_RIGHT) and not (
                k == s and continuation and p.kinds[k] == lb.OPEN
            ):
                if k != last or p.kinds[k] != lb.SPACE:
                    room[level] += p.squeeze[k]
            if k < last:
                room[sp.SQUEEZE_GAPS] += self.gap_room[k]
        shares = []
        for level in range(5):
            take = min(needed, room[level])
            shares.append(take / room[level] if room[level] > 0 else 0.0)
            needed -= take
        return tuple(shares)
