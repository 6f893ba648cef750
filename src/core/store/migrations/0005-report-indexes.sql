-- SPDX-License-Identifier: GPL-3.0-or-later
-- Tandem schema 5: indexes for the sales reports (SPEC J1). Each holds
-- every column its report and the visibility rule read (the partial
-- indexes' own condition columns too, so that SQLite 3.40 finds them
-- covering), so that a report reads index pages only, not the projects
-- or history rows.

-- The pipeline and the forecast: open sales by closing date.
CREATE INDEX projects_pipeline ON projects (close_date, is_sale, state, deleted, stage_id, seller_id,
  product_id, currency, value_cents, probability, company_id, visibility, author_id)
  WHERE is_sale = 1 AND state = 0 AND deleted = 0;

-- The forecast: sales won, by when they were won.
CREATE INDEX projects_won ON projects (closed_at, is_sale, state, deleted, seller_id, currency,
  value_cents, company_id, visibility, author_id)
  WHERE is_sale = 1 AND state = 1 AND deleted = 0;

-- How the pipeline developed: every sale the user may see, then its
-- history rows that hold at the month ends. The sales are read by company,
-- so that the companies are read in order too; is_sale and deleted come
-- last, or SQLite would prefer this index to the two above for any sale.
CREATE INDEX projects_sales_seen ON projects (company_id, visibility, author_id, seller_id, is_sale, deleted)
  WHERE is_sale = 1 AND deleted = 0;
CREATE INDEX sale_history_points ON sale_history (project_id, state, valid_from, valid_to, seller_id,
  currency, value_cents, probability);
