"""Every tolerance of the table reader (``tables.detect``, ``text_after``) and of the readers of
special layouts (``account_codes``, ``side_tables``, ``t_accounts``, ``text_columns``,
``money_column``, ``scores``, ``axes``, ``continued``), in one frozen record.

Modelled on pdfplumber's ``TableSettings``: one field per tolerance, grouped by the step or
reader that uses it (words -> figures -> lines -> labels and values -> side text -> the special
layouts: a page cut into two or read by its codes, an asset register, a score card, a chart's
axis -> blocks -> columns -> tables continued over pages -> rows and the table around them).
``DEFAULT_SETTINGS`` is what every reader uses; pass another instance to
:func:`factcheck.tables.detect.find_tables` (or the entry points in ``factcheck.tables``, which
also pass it to ``continued``) to try
a different value, e.g. ``replace(DEFAULT_SETTINGS, row_gap=2.0)``.

Units: a length is in type sizes (the font size of the line or the table it is measured on)
unless its comment says points; a share is an exact fraction; a count is a number of lines,
words or rows. A value shared by several rules means the same thing in each; values that only
happen to be equal have fields of their own.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction


@dataclass(frozen=True, slots=True)
class TableSettings:
    """The tolerances of table detection; see the module's docstring for units."""

    # ---------------------------------------------------------------- words -> lines (group_lines)
    # points: a word joins a line when its vertical centre lies in the line's first word's box,
    # give or take this (baselines of one row wobble by a fraction of a point)
    line_slack: float = 0.5
    # a word is tried against the last lines only: lines are sorted by top, so older ones are done
    lines_looked_back: int = 4
    # a superscript (footnote marker) is set below this share of the line's size ...
    superscript_size: float = 0.8
    # ... where the line's size is its median, at most this times it: a row's figures may be set
    # smaller than its long label ("307.000" under 8-point words) and are no superscripts
    superscript_cap: float = 1.25
    # ... and is short (footnote marks are one to three characters)
    superscript_chars: int = 3

    # ---------------------------------------------------------------- words -> figures (glue, split)
    # a mark set apart from its figure and glued back: a lone minus or bracket ("‒ 794",
    # "( 238,2)"), a currency sign ("$ 7"), a closing bracket ("( 110,958.96 )")
    mark_gap: float = 1.0
    # an opening bracket flush left in its column, the figure it opens flush right: "(   519,297.28)"
    bracket_gap: float = 6.0
    # a minus sign at a fixed place in its column, the figure flush right ("–   1.8" under
    # "– 116.0"): joined within this many font sizes when another figure of the column (ending
    # within sign_edge points of it) starts with its sign at the same place
    sign_gap: float = 4.0
    sign_edge: float = 1.5
    # a leading digit split off with no gap at all: "1" + "4.862"
    lead_digit_gap: float = 0.15
    # a leading digit touching a small figure's rest ("2" + "8.0", drawn as two runs): glued only
    # when the two touch, give or take this share of the type size (columns never touch)
    touch_gap: float = 0.02
    # a figure split within itself: after a group's separator ("2." + "277") or before its
    # decimals ("11,062" + ".6")
    split_gap: float = 0.7
    # a percent sign set after its figure
    percent_gap: float = 0.5
    # a word space: about half the type size, narrower than a gap between columns. Digits a word
    # space apart are one figure grouped by spaces ("1 447 094"); a number a word space after the
    # words is a word of the label; header words a word space apart are one heading
    word_space: float = 0.6
    # a footnote reference right after a figure: "10,000 (1)"
    footnote_ref_gap: float = 1.0
    # a share in brackets right after a figure: "189 (55.6%)", "7.040 (11,3%)"
    share_gap: float = 1.5

    # ---------------------------------------------------------------- lines -> labels and values (split_label)
    # a mark closer than this to the word before it belongs to the words: a footnote mark
    # ("Liquide middelen **"), the number a word takes ("Note 4"), a dash after a heading ("TAX
    # REVENUES —"), the sum that gave a figure ("24 (8*3)")
    near_gap: float = 1.0
    # a wide gap: what stands beyond it is another column of text (margin text, chart labels,
    # a commentary column beside the table), or a column of figures far from the words
    wide_gap: float = 2.5
    # a note's letter in a "Note" column after the figures ("(297,350)   A") stands further off
    note_column_gap: float = 1.0
    # a dot leader longer than this ends the label
    leader_width: float = 4.0
    # "€ 594.422 – PM": the "– PM" set this close after the amount is a note on it
    pm_note_gap: float = 3.0
    # running text: this many words or more with no gap as wide as prose_gap between any two
    prose_words: int = 5
    prose_gap: float = 1.5
    # ... unless its one figure stands off by at least near_gap and this many times the widest
    # space between its words: a long label set close to its column ("Puerto Rican Intercultural
    # Drama Ensemble $10,000"); justified prose stretches every space alike
    prose_figure_gap_ratio: float = 4.0
    # a year set right after the words is part of them ("Boekwaarde 1 januari 2022")
    year_after_words_gap: float = 1.5
    # a department's code after its name, a word-space away ("Select Board -122")
    code_after_name_gap: float = 0.8
    # a number a word space after the words, printed unlike figures standing this far off, is label
    far_figures_gap: float = 2.0
    # an amount column printed left of the labels stands this far from the label's first word
    left_amount_gap: float = 1.5
    # ... or a word space from it, when the labels start one under another beside it
    left_amount_flush_gap: float = 0.5
    # ... taken when this many rows print it so, aligned, and at least this share of them reads
    # as an amount (decimals or four digits), not as row numbers
    left_amount_rows: int = 3
    left_amount_share: Fraction = Fraction(1, 2)
    # account codes before the labels: taken only when this many rows print them
    account_code_rows: int = 5
    # a row number on a line of its own figures stands this far from the first figure ...
    row_number_gap: float = 6.0
    # ... and within this of where other rows' numbers start
    row_number_align: float = 1.0
    # a spreadsheet's row numbers: this many lines or more start with a whole number ...
    spreadsheet_lines: int = 6
    # ... within this of the page's leftmost word ...
    spreadsheet_edge: float = 2.0
    # ... and at least this share of the steps between them is one
    spreadsheet_steps: Fraction = Fraction(7, 10)

    # ---------------------------------------------------------------- side text (_drop_side_text)
    # a column of running text beside a table: this many lines start at one left edge ...
    side_lines: int = 5
    # points: ... give or take this (x positions are rounded to whole points)
    side_edge_slack: int = 2
    # ... and right of that edge, at least this share of the words has letters, at most this
    # share is figures, and lines hold this many words on average (running text, not a column)
    side_words_share: Fraction = Fraction(4, 5)
    side_figures_share: Fraction = Fraction(1, 10)
    side_words_per_line: int = 3
    # the table's rows of two figures or more left of the edge: at least this many
    side_table_rows: int = 3
    # a bullet this close left of the text column belongs to it
    bullet_reach: float = 4.0

    # ---------------------------------------------------------------- a statement with account codes (account_codes.py)
    # lines with a code under the "Codes" heading before the page is read as a coded statement
    # (and rows read from them)
    coded_lines: int = 6
    # points: a code stands at most this far left of the heading's start and ends at most
    # code_right_reach right of its end
    code_left_reach: int = 12
    code_right_reach: int = 30
    # points: codes start at one left edge, give or take this
    code_edge_slack: int = 3
    # points: label words end this far left of the codes' edge; a line with a word starting this
    # far right of it is no label line
    code_edge_gap: int = 2
    # points: the statement's title is taken from lines below this (a running head above it)
    code_title_top: int = 40
    # header words closer than this head one amount column together
    code_header_gap: float = 2.5
    # a line of label words belongs to the nearest coded line within this; lines this many or
    # more above the first coded line, or more than code_label_below below the last, are none
    code_label_reach: float = 2.2
    code_label_above: int = 3
    code_label_below: int = 1

    # ---------------------------------------------------------------- two tables side by side (side_tables.py)
    # lines that must start a label at one place right after a figure (fewer: a coincidence)
    side_by_side_rows: int = 3
    # ... those labels' left edges line up within this
    side_by_side_align: float = 1.0
    # a label after a figure starts at least this far from it: a word space after a figure is a
    # label's own number ("Prop 2.5 ..."), not another table
    side_by_side_apart: float = 1.5
    # shares of the page's width: the cut between the two tables stands between these
    side_by_side_cut_from: float = 0.25
    side_by_side_cut_to: float = 0.75
    # the two tables' header lines and last rows stand at most this far from the rows next to
    # them (as rows of one table do: row_gap)
    side_by_side_header_gap: float = 2.6

    # ---------------------------------------------------------------- accounts side by side (t_accounts.py)
    # share of the page's width: the right side's heading ("passiva", "baten") starts at least this far in
    t_account_from: float = 0.3
    # points: the cut stands this far before the right side's heading (x positions are rounded)
    t_account_cut_slack: int = 2
    # points: a right side's label starts within this of the cut ...
    t_account_label_reach: int = 12
    # ... after a figure on the left, on at least this many lines below the header
    t_account_rows: int = 2

    # ---------------------------------------------------------------- two text columns (text_columns.py)
    # shares of the page's width: the gutter between two text columns stands between these ...
    gutter_from: float = 0.3
    gutter_to: float = 0.7
    # points: ... and is at least this wide
    gutter_width: float = 8.0
    # share of the page's height: running heads and page numbers in its top and bottom margin
    # may cross the gutter
    gutter_margin: float = 0.08
    # running text on each side of the gutter: at least this many lines ...
    gutter_prose_lines: int = 6
    # ... of at least this many words, no two further apart than this (in the line's largest size)
    gutter_prose_words: int = 5
    gutter_prose_gap: float = 1.5
    # a line of words this many lines or fewer above a table row set across the gutter is its
    # header, kept whole with it
    gutter_header_lines: int = 4

    # ---------------------------------------------------------------- text after the figures (text_after.py)
    # a column of words after a table's figures (a "Comments" column): its heading's last word
    # stands at least this far after the rest (more than the space between words of one cell) ...
    text_column_gap: float = 1.0
    # points: ... its words start at the heading's edge, give or take this ...
    text_column_slack: float = 2.0
    # ... over at least this many rows of figures (a deposit list of two entries is a list)
    text_column_rows: int = 2
    # words among a table's figures (a loan schedule's kind of loan, way of repayment, security):
    # a column of text when this many rows print them at one place, set this far (ems) after a
    # figure at least (a word space is less)
    text_among_rows: int = 3
    text_after_figure_gap: float = 0.35

    # ---------------------------------------------------------------- a money column closed by a total (money_column.py)
    # rows of an asset register stand closer than this, wrapped labels and all
    register_row_gap: float = 6.0
    # a figure stands in the total's column when more than this share of the narrower one overlaps
    register_overlap: float = 0.5
    # the column holds at least this many amounts above its total
    register_parts: int = 2

    # ---------------------------------------------------------------- a score card (scores.py)
    # a score is read as the sum of its components when at least this many are printed below it
    score_components: int = 3
    # a component's label: the words on at most this many lines right above its fraction ...
    score_label_lines: int = 2
    # ... starting within this of where the fraction starts, or right of it up to this far past its end
    score_label_align: float = 1.0
    score_label_reach: int = 10

    # ---------------------------------------------------------------- a chart's value axis (axes.py)
    # an axis shows at least this many ticks; a table of three unlabelled figures is too little to judge
    axis_ticks: int = 4

    # ---------------------------------------------------------------- blocks of rows (_block_lines)
    # rows of one table stand at most this far apart (top of a line to the bottom of the one above)
    row_gap: float = 2.6
    # how far apart rows of one column of aligned figures may stand (a blank line between groups)
    aligned_gap: float = 4.0
    # a row whose figures all stand at the table's column edges, after the wrapped label of the row
    # above: rows of fixed height (twice aligned_gap)
    fixed_height_gap: float = 8.0
    # ... when it has this many figures or more
    edge_row_figures: int = 3
    # words reaching this close to the figures' left edge stand over (or in) the value columns;
    # a label-only line that ends further left stays inside the table
    value_zone_margin: float = 0.5
    # figures end (or start) at the same column edge within this
    edge_tolerance: float = 0.5
    # a row of "PM" or "inclusive" stands in a column of figures: within this of an edge
    nil_row_edge: float = 0.3
    # figures starting this far right of the table's figures stand beside it (a chart's axis)
    beside_gap: float = 2.0
    # words starting this far right of the table's figures are margin text (a running head set vertically)
    margin_text_gap: float = 1.0
    # the last row's label may wrap over this many lines below its figures
    wrapped_label_lines: int = 2
    # notes set among the rows ("* Net of restricted account"): at most this many lines, each note
    # line starting within note_indent of a note's star, and at most notes_heading_lines of
    # words between the notes and the rows that go on
    notes_lines: int = 8
    note_indent: float = 3.0
    # how far (in type sizes) rows under a heading start right of it, for the heading to be read as
    # a section over them where a total further down names it (detect._named_by_a_total)
    heading_indent: float = 0.8
    notes_heading_lines: int = 2
    # a group's heading right above its rows: at most this many words
    group_heading_words: int = 4
    # a running head with figures over a table: the table's first row of figures within this many
    # lines below, with more figures than the head has plus this many
    running_head_lines: int = 3
    running_head_more: int = 1

    # ---------------------------------------------------------------- columns (_anchors, headers)
    # figures whose right edges lie within this of each other form one column of aligned figures
    aligned_edge: float = 0.6
    # ... taken when at least this share of the groups has two figures or more ...
    aligned_share: float = 0.5
    # ... each group's figures stand this clear of the next group's ...
    aligned_clear: float = 0.2
    # ... and there are at most this many times as many groups as the widest row has figures
    aligned_columns_factor: int = 2
    # a header word left of the figures still heads a column when it starts this far right of the
    # row labels and ends within header_reach of the first column
    header_clear: float = 2.0
    header_reach: float = 3.0
    # a header line with at most this share of words per column is a spanning group title
    spanning_share: Fraction = Fraction(1, 2)
    # headings over two columns stand at least this far apart
    column_gap: float = 1.0
    # a unit line over the labels names the unit with at least this share of its words' length
    unit_share: Fraction = Fraction(1, 2)

    # ---------------------------------------------------------------- tables continued over pages (continued.py)
    # a title block repeated over the next page's first table (or one ending where the other goes
    # on) says the table goes on when it is this many words long: a report's running title, not
    # a stray word over a table
    continued_title_words: int = 4

    # ---------------------------------------------------------------- rows and the table around them
    # a table has at least this many rows of figures (fewer: a closing line, or not a table)
    min_rows: int = 2
    # leading lines with fewer figures than this share of the body's median are page furniture
    sparse_share: Fraction = Fraction(1, 2)
    # header lines: at most this many, the first one up to header_gap_factor times row_gap above
    # the body (a header stands a little further off than rows stand from each other)
    header_lines: int = 8
    header_gap_factor: float = 1.5
    # label-only lines right above the body taken as its first rows: at most this many are
    # looked at, and the last lead_kept of them are kept when no header is above
    lead_lines: int = 4
    lead_kept: int = 2
    # the labels' heading ("Sub-county") between two lines of a header has at most this many words
    stub_heading_words: int = 3
    # a letter of a word set vertically beside the header has at most this many characters
    vertical_letter_chars: int = 2
    # caption and unit: looked for within this distance above the table, in the last
    # caption_lines lines; a unit line of at most unit_title_words words in the last
    # unit_title_lines lines doubles as the title
    caption_reach: float = 12.0
    caption_lines: int = 8
    unit_title_lines: int = 3
    unit_title_words: int = 12
    # share of the page's height: running heads and page numbers sit in its top and bottom margin
    margin: float = 0.12
    # share of the page's height: a table that runs over a page break reaches this far from the top or bottom
    reach: float = 0.25
    # a line under a table set below this share of its size is a footnote
    foot_size: float = 0.9
    # a lone number this far left of every column is a word of a heading ("Select Board -122")
    lone_number_gap: float = 2.0
    # a blank line between a heading in capitals and the label under it: a gap wider than this
    heading_apart: float = 1.2
    # a heading in capitals: at least this many letters, in two words or more
    caps_heading_letters: int = 8
    # a lone figure with the minus after it ("13-") within this many font sizes of the word before
    # it is a number broken over two lines, not a value (tables.detect)
    broken_gap: float = 1.0
    # a closing line set apart under a table: at most closing_between lines of words between,
    # within closing_reach (closing_total_reach for a total) below the table, its figures ending
    # within closing_edge of the table's column edges, in at least closing_columns columns
    closing_between: int = 3
    closing_reach: float = 6.0
    closing_total_reach: float = 9.0
    closing_edge: float = 1.0
    closing_columns: int = 2
    # two tables on a page share their columns when their right edges lie within this ("a character")
    same_column_edge: float = 1.0
    # "(1)" among amounts whose median is at least this is a footnote reference, not minus one
    footnote_ref_median: int = 100
    # statistics rounded to thousands: at least thousands_figures figures, all whole multiples of
    # 1000 or more, at least thousands_share of them with thousands_digits significant digits
    thousands_figures: int = 8
    thousands_unit: int = 1000
    thousands_digits: int = 3
    thousands_share: Fraction = Fraction(1, 4)

    # ---------------------------------------------------------------- alarms (tables.slip_evidence)
    # a failing total is an alarm only when it misses by what one mistyped digit gives; the others
    # are written with their doubt. False: every failing total that no reading explains is an alarm
    slip_alarms_only: bool = True


DEFAULT_SETTINGS = TableSettings()
