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
from itertools import accumulate
from typing import NamedTuple

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
OPEN, CLOSE, PAUSE_MARK, SPACE = lb.OPEN, lb.CLOSE, lb.PAUSE_MARK, lb.SPACE
MARK_BLANK = sp.MARK_BLANK


class Line(NamedTuple):
    """One set line: atoms ``[start, end)`` of its paragraph.

    ``x0`` is where the first box starts (the indent); ``trim`` the blank
    cut from an opening mark at the start; ``width`` the measure the line is set to;
    ``natural`` its width before justification; ``stretch`` what each
    stretchable junction gains; ``squeeze`` the share taken from each squeeze
    level (0 to 1). ``text_start``/``text_end`` are offsets into the
    paragraph's text. (A named tuple: a daily issue sets 20,000 of them.)
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

    @property
    def squeezed(self) -> bool:
        return self.squeeze is not NO_SQUEEZE and any(self.squeeze)


NO_SQUEEZE = (0.0,) * 5


class Breaker:
    """Breaks one prepared paragraph; reusable for several widths."""

    def __init__(self, p: Prepared):
        self.p = p
        self.gap_room = p.gap_room
        self.E = [0.0, *accumulate(p.eff)]
        self.Q = [0.0, *accumulate(p.tight)]
        self.G = [0, *accumulate(p.stretch_after)]  # stretchable junctions before each atom
        self._cache: dict[tuple, list[Line]] = {}
        self._tails: dict[tuple, dict[int, tuple[list[Line], int]]] = {}

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

    def _ends(self, s: int, e: int, continuation: bool, stop: int):
        """(e, natural, room, cost of the break) for the line ends ``e, e - 1, … > s``
        where a break is allowed (``stop`` always is): ``metrics`` unrolled, the inner
        loop of breaking."""
        p = self.p
        E, Q, gap_after, gap_room, kinds = self.E, self.Q, p.gap_after, self.gap_room, p.kinds
        sizes, cut_right, squeeze, box, penalty = p.sizes, p.cut_right, p.squeeze, p.box, p.penalty_after
        e_s, q_s = E[s], Q[s]
        opening = continuation and kinds[s] == OPEN
        trim = MARK_BLANK * sizes[s] - p.cut_left[s] if opening else 0.0
        while e > s:
            last = e - 1
            cost = 0.0 if e == stop else penalty[last]
            if cost is None:
                e -= 1
                continue
            natural = E[e] - e_s - gap_after[last]
            room = (E[e] - e_s) - (Q[e] - q_s) - gap_room[last]
            kind = kinds[last]
            if kind == CLOSE or kind == PAUSE_MARK:
                natural -= MARK_BLANK * sizes[last] - cut_right[last]
                room -= squeeze[last]
            elif kind == SPACE:
                natural -= box[last]
                room -= squeeze[last]
            if opening:
                natural -= trim
                room -= squeeze[s]
            yield e, natural, max(0.0, room), cost
            e -= 1

    # ------------------------------------------------------------ breaking

    def lines(self, width: float, indent: float, first: int, stop: int, justify: bool,
              avoid_orphan: bool, at_spaces: bool = False) -> list[Line]:
        """Lines of atoms ``[first, stop)`` at ``width``; the first line is indented
        by ``indent`` when ``first`` is the paragraph's start. With ``at_spaces``
        (a centred headline), text that needs several lines breaks at its spaces
        when every part between them fits a line: the space is the headline's break."""
        key = (round(width, 3), indent, first, stop, justify, avoid_orphan, at_spaces)
        found = self._cache.get(key)
        if found is None:
            family = (key[0], indent, stop, justify, avoid_orphan, at_spaces)
            tails = self._tails.setdefault(family, {})
            tail = tails.get(first)
            if tail is not None:  # the paragraph continued after a split goes on with the same lines
                found = self._cache[key] = tail[0][tail[1]:]
                return found
            found = self._lines(width, indent, first, stop, justify, avoid_orphan)
            if at_spaces and len(found) > 1:  # at the spaces, if that takes no more lines
                cuts = self._space_cuts(first, stop, width, indent)
                if cuts is not None and len(cuts) <= len(found):
                    found = self._set_lines(cuts, first, width, indent, justify)
            self._cache[key] = found
            for i in range(1, len(found)):
                tails.setdefault(found[i].start, (found, i))
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
            bound = self._path_cost(cuts, first, stop, width, indent, avoid_orphan)
            better = self._total_fit(first, stop, width, indent, avoid_orphan, bound)
            if better is not None:
                out = self._set_lines(better, first, width, indent, justify)
        return out

    def _space_cuts(self, first: int, stop: int, width: float, indent: float) -> list[int] | None:
        """Line ends after spaces only, each line as full as it may be; None when the
        text fits one line, has no space, or a part between spaces is wider than a line."""
        kinds = self.p.kinds
        ends = [k + 1 for k in range(first, stop - 1) if kinds[k] == lb.SPACE] + [stop]
        if len(ends) < 2:
            return None
        cuts: list[int] = []
        s = first
        while s < stop:
            measure = width - (indent if s == 0 else 0.0)
            best = None
            for e in ends:
                if e <= s:
                    continue
                if self.metrics(s, e, s != 0)[0] > measure + EPSILON:
                    break
                best = e
            if best is None:
                return None
            cuts.append(best)
            s = best
        return cuts if len(cuts) > 1 else None

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
        sizes = self.p.sizes
        # natural - room of a line is at most its tight width plus a line end's amounts
        reach = bisect_right(self.Q, self.Q[s] + measure + 0.5 * sizes[s]) - 1
        furthest = min(reach if reach > s else s + 1, stop)
        limit = measure + EPSILON
        best, best_cost = None, None
        for e, natural, room, cost_break in self._ends(s, furthest, continuation, stop):
            if natural - room <= limit:
                size = sizes[e - 1]
                if natural > limit:  # push-in: squeeze
                    cost = (natural - measure) / size + cost_break
                elif e == stop:
                    cost = 0.0
                else:  # push-out: stretch
                    cost = (measure - natural) / size + cost_break + 1e-6
                if best_cost is None or cost < best_cost:
                    best, best_cost = e, cost
                if natural <= limit and (measure - natural) / size >= best_cost:
                    break  # shorter lines only stretch more
        if best is not None:
            return best
        return self._emergency(s, measure, continuation, stop)

    # ------------------------------------------------------------ total fit

    def _total_fit(self, first: int, stop: int, width: float, indent: float,
                   avoid_orphan: bool, bound: float = float("inf")) -> list[int] | None:
        """Breaks chosen for the whole paragraph at once (Knuth and Plass's total
        fit over the candidates of each line): used when line-by-line choice
        leaves a loose line, so that earlier lines can take or give a character.

        Costs are never negative, so the break positions are explored cheapest
        first (Dijkstra's order) and the search ends when the paragraph's end is
        reached: positions only reachable at a higher cost are never expanded.
        ``bound``, the cost of a known set of breaks (line by line's), cuts off
        dearer partial sets from the start."""
        p = self.p
        n = len(p)
        limit = bound + 1e-6
        best: dict[int, tuple[float, int]] = {first: (0.0, -1)}
        heap = [(0.0, first)]
        while heap:
            base, s = heappop(heap)
            if s == stop:
                break
            if base > best[s][0]:
                continue  # reached more cheaply since
            measure = width - (indent if s == 0 else 0.0)
            for e, cost in self._candidates(s, measure, s != 0, stop):
                if e == n and avoid_orphan and p.count_letters(s, e) < 2 and s > first:
                    cost += ORPHAN_COST
                total = base + cost
                if total > limit:
                    continue
                known = best.get(e)
                if known is None or total < known[0] - 1e-9:
                    best[e] = (total, s)
                    heappush(heap, (total, e))
        if stop not in best:
            return None
        cuts = []
        e = stop
        while e != first:
            cuts.append(e)
            e = best[e][1]
        return cuts[::-1]

    def _path_cost(self, cuts: list[int], first: int, stop: int, width: float, indent: float,
                   avoid_orphan: bool) -> float:
        """The total-fit cost of the breaks ``cuts``; infinite when one of its lines is
        not among the total fit's candidates (then it bounds nothing)."""
        p = self.p
        n = len(p)
        total, s = 0.0, first
        for e in cuts:
            measure = width - (indent if s == 0 else 0.0)
            cost = dict(self._candidates(s, measure, s != 0, stop)).get(e)
            if cost is None:
                return float("inf")
            if e == n and avoid_orphan and p.count_letters(s, e) < 2 and s > first:
                cost += ORPHAN_COST
            total += cost
            s = e
        return total

    def _candidates(self, s: int, measure: float, continuation: bool, stop: int):
        """Possible ends of a line starting at ``s`` with their costs: every
        break that fits squeezed, and the first few that fit stretched."""
        p = self.p
        sizes, G = p.sizes, self.G
        reach = bisect_right(self.Q, self.Q[s] + measure + 0.5 * sizes[s]) - 1
        furthest = min(reach if reach > s else s + 1, stop)
        limit = measure + EPSILON
        n = len(p)
        found = []
        stretched = 0
        for e, natural, room, cost_break in self._ends(s, furthest, continuation, stop):
            size = sizes[e - 1]
            if natural > limit:
                if natural - room <= limit:
                    found.append((e, SQUEEZE_WEIGHT * ((natural - measure) / size) ** 2 + cost_break))
            elif e == stop and e == n:
                found.append((e, 0.0))
                break
            else:
                gaps = G[e - 1] - G[s]
                if gaps:
                    cost = STRETCH_WEIGHT * ((measure - natural) / size / gaps) ** 2
                else:  # nothing to spread the room over: the line stays ragged
                    cost = 0.0 if measure - natural < EPSILON else UNJUSTIFIABLE_COST
                found.append((e, cost + cost_break))
                stretched += 1
                if stretched >= 4:
                    break
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
        squeeze = NO_SQUEEZE
        if natural > measure + EPSILON:
            squeeze = self._squeeze(s, e, natural - measure, not first)
        elif justify and not last:
            gaps = self.G[e - 1] - self.G[s]
            if gaps:
                stretch = (measure - natural) / gaps
        text_start, text_end = p.starts[s], p.ends[e - 1]
        return Line(s, e, text_start, text_end, p.text[text_start:text_end], indent, trim,
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
