-- Posts a batch of transfers all or none in one statement of the caller's transaction (ADR 0102): locks the accounts
-- they touch in id order (creating on first use every kind but ESCROW, after locking those that exist, as
-- ledger_post_each and Postings do), refuses the whole batch when a transfer names an escrow not open (every transfer
-- checked for that first) or, applied in order, would take an account but BANK below zero or beyond what a bigint
-- holds; otherwise stores the moved balances, the transfers and their entries with the balance after each. A refused
-- batch writes nothing but the accounts it created, with nothing in them, and returns one row: its refusal code, the
-- transfer (from 1) and the account it names, and that account's balance then; a posted batch returns no row. The
-- rules are ledger.domain.PostingRules'; GroupPostingIT checks the two against each other on generated batches.
create function ledger_post_all(
    p_actor text,
    p_batch text,
    p_posted_at timestamptz,
    p_accounts text[],
    p_kinds text[],
    p_owners text[],
    p_currencies text[],
    p_ids text[],
    p_debits text[],
    p_credits text[],
    p_amounts bigint[],
    p_currency text[],
    p_reasons text[],
    p_causes text[],
    p_keys text[])
returns table (refusal text, transfer int, account text, balance bigint)
language plpgsql as $$
#variable_conflict use_column
declare
    n constant int := coalesce(cardinality(p_ids), 0);
    ids text[];
    balances bigint[];
    moved boolean[];
    e_account text[] := array_fill(null::text, array[2 * n]);
    e_transfer text[] := array_fill(null::text, array[2 * n]);
    e_amount bigint[] := array_fill(null::bigint, array[2 * n]);
    e_after bigint[] := array_fill(null::bigint, array[2 * n]);
    d int;
    c int;
    amount bigint;
begin
    select array_agg(l.id order by l.id), array_agg(l.balance order by l.id) into ids, balances
    from (select a.id, a.balance from ledger_account a where a.id = any(p_accounts) order by a.id for update) l;
    if coalesce(cardinality(ids), 0) < cardinality(p_accounts) then
        insert into ledger_account (id, kind, owner, currency, balance, created_at)
        select a.id, a.kind, a.owner, a.currency, 0, p_posted_at
        from unnest(p_accounts, p_kinds, p_owners, p_currencies) as a (id, kind, owner, currency)
        where a.kind <> 'ESCROW' and a.id <> all(coalesce(ids, '{}'))
        order by a.id
        on conflict do nothing;
        select array_agg(l.id order by l.id), array_agg(l.balance order by l.id) into ids, balances
        from (select a.id, a.balance from ledger_account a where a.id = any(p_accounts) order by a.id for update) l;
    end if;
    -- an escrow not open refuses the batch before any balance is looked at, as Postings.requireOpen does
    for i in 1 .. n loop
        if array_position(ids, p_debits[i]) is null then
            return query select 'ESCROW_NOT_OPEN', i, p_debits[i], null::bigint;
            return;
        elsif array_position(ids, p_credits[i]) is null then
            return query select 'ESCROW_NOT_OPEN', i, p_credits[i], null::bigint;
            return;
        end if;
    end loop;
    moved := array_fill(false, array[cardinality(ids)]);
    for i in 1 .. n loop
        d := array_position(ids, p_debits[i]);
        c := array_position(ids, p_credits[i]);
        amount := p_amounts[i];
        if balances[d] < (-9223372036854775807 - 1) + amount then
            return query select 'BALANCE_LIMIT', i, p_debits[i], balances[d];
            return;
        elsif balances[d] - amount < 0 and ids[d] not like 'BANK:%' then
            return query select 'INSUFFICIENT_FUNDS', i, p_debits[i], balances[d];
            return;
        elsif balances[c] > 9223372036854775807 - amount then
            return query select 'BALANCE_LIMIT', i, p_credits[i], balances[c];
            return;
        end if;
        balances[d] := balances[d] - amount;
        balances[c] := balances[c] + amount;
        moved[d] := true;
        moved[c] := true;
        e_account[2 * i - 1] := p_debits[i];
        e_transfer[2 * i - 1] := p_ids[i];
        e_amount[2 * i - 1] := -amount;
        e_after[2 * i - 1] := balances[d];
        e_account[2 * i] := p_credits[i];
        e_transfer[2 * i] := p_ids[i];
        e_amount[2 * i] := amount;
        e_after[2 * i] := balances[c];
    end loop;
    if n = 0 then
        return;
    end if;
    update ledger_account a set balance = v.balance
    from unnest(ids, balances, moved) as v (id, balance, moved)
    where v.moved and a.id = v.id;
    insert into ledger_transfer (id, batch_id, debit_account, credit_account, amount, currency, reason, cause,
        idempotency_key, posted_at, actor)
    select t.id, p_batch, t.debit, t.credit, t.amount, t.currency, t.reason, t.cause, t.key, p_posted_at, p_actor
    from unnest(p_ids, p_debits, p_credits, p_amounts, p_currency, p_reasons, p_causes, p_keys) with ordinality
        as t (id, debit, credit, amount, currency, reason, cause, key, n)
    order by t.n;
    insert into ledger_entry (account_id, transfer_id, amount, balance_after, posted_at)
    select e.account, e.transfer, e.amount, e.balance_after, p_posted_at
    from unnest(e_account, e_transfer, e_amount, e_after) with ordinality
        as e (account, transfer, amount, balance_after, n)
    order by e.n;
end $$;
