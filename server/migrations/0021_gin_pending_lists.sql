-- Short pending lists for the search indexes of cases and suggestions (docs/decisions.md, "Short
-- pending lists for the search indexes"). A GIN index gathers new entries in an unsorted pending
-- list (4 MB by default) until a vacuum or an insert that fills it merges them, and every search
-- reads the whole list: on the province demo, after the 17,000 cases of one bench intake run, a
-- search read 346 pages of pending entries of the word index and 388 of the trigram index, where the
-- word itself took 10. Lists of 64 kB are merged every few dozen cases, a small cost spread over the
-- writes.
ALTER INDEX opinions_search_idx SET (gin_pending_list_limit = 64);
ALTER INDEX opinions_content_trgm_idx SET (gin_pending_list_limit = 64);
ALTER INDEX suggestions_search_idx SET (gin_pending_list_limit = 64);
ALTER INDEX suggestions_title_trgm_idx SET (gin_pending_list_limit = 64);
