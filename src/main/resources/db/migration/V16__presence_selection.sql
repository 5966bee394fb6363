-- What each open editor has selected in its source's text, so that the others on the same source can
-- see it lightly marked: [selection_start, selection_end) in UTF-16 code units of the frozen text, both
-- null when nothing is selected. It lives on the page's presence row, so it goes when the page does.

alter table presence add column selection_start integer;
alter table presence add column selection_end integer;
alter table presence add constraint ck_presence_selection check (
    (selection_start is null and selection_end is null)
    or (selection_start >= 0 and selection_end > selection_start));
