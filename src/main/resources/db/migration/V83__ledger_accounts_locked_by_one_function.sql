-- Locks the accounts a posting touches in id order and returns their ids and balances in that order, creating on
-- first use every kind but ESCROW, which a deal opens. The existing accounts are locked before any is created, so two
-- postings that create one account wait in one order, as Postings does; an escrow not open is missing from the
-- answer. Both posting statements (ledger_post_each, ADR 0100; ledger_post_all, ADR 0102) begin with it.
create function ledger_lock_accounts(
    p_accounts text[],
    p_kinds text[],
    p_owners text[],
    p_currencies text[],
    p_created_at timestamptz,
    out ids text[],
    out balances bigint[])
language plpgsql as $$
begin
    select array_agg(l.id order by l.id), array_agg(l.balance order by l.id) into ids, balances
    from (select a.id, a.balance from ledger_account a where a.id = any(p_accounts) order by a.id for update) l;
    if coalesce(cardinality(ids), 0) < cardinality(p_accounts) then
        insert into ledger_account (id, kind, owner, currency, balance, created_at)
        select a.id, a.kind, a.owner, a.currency, 0, p_created_at
        from unnest(p_accounts, p_kinds, p_owners, p_currencies) as a (id, kind, owner, currency)
        where a.kind <> 'ESCROW' and a.id <> all(coalesce(ids, '{}'))
        order by a.id
        on conflict do nothing;
        select array_agg(l.id order by l.id), array_agg(l.balance order by l.id) into ids, balances
        from (select a.id, a.balance from ledger_account a where a.id = any(p_accounts) order by a.id for update) l;
    end if;
end $$;

-- ledger_post_each as V81 defined it, its accounts locked by ledger_lock_accounts.
create or replace function ledger_post_each(
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
    p_keys text[],
    p_audit_type text,
    p_audit_subject text,
    p_audit_open text,
    p_audit_items text[],
    p_audit_close text)
returns table (refusal text, account text, balance bigint)
language plpgsql as $$
#variable_conflict use_column
declare
    n constant int := coalesce(cardinality(p_ids), 0);
    ids text[];
    balances bigint[];
    moved boolean[];
    refusals text[] := array_fill(null::text, array[n]);
    named text[] := array_fill(null::text, array[n]);
    seen bigint[] := array_fill(null::bigint, array[n]);
    accepted int[] := '{}';
    e_account text[] := '{}';
    e_transfer text[] := '{}';
    e_amount bigint[] := '{}';
    e_after bigint[] := '{}';
    k int := 0;
    d int;
    c int;
    amount bigint;
begin
    select l.ids, l.balances into ids, balances
    from ledger_lock_accounts(p_accounts, p_kinds, p_owners, p_currencies, p_posted_at) l;
    moved := array_fill(false, array[coalesce(cardinality(ids), 0)]);
    for i in 1 .. n loop
        d := array_position(ids, p_debits[i]);
        c := array_position(ids, p_credits[i]);
        amount := p_amounts[i];
        if d is null or c is null then
            refusals[i] := 'ESCROW_NOT_OPEN';
            named[i] := case when d is null then p_debits[i] else p_credits[i] end;
        elsif balances[d] < (-9223372036854775807 - 1) + amount then
            -- beyond what a bigint holds, checked in the order PostingRules' exact arithmetic meets it
            refusals[i] := 'BALANCE_LIMIT';
            named[i] := p_debits[i];
        elsif balances[d] - amount < 0 and ids[d] not like 'BANK:%' then
            refusals[i] := 'INSUFFICIENT_FUNDS';
            named[i] := p_debits[i];
            seen[i] := balances[d];
        elsif balances[c] > 9223372036854775807 - amount then
            refusals[i] := 'BALANCE_LIMIT';
            named[i] := p_credits[i];
        else
            balances[d] := balances[d] - amount;
            balances[c] := balances[c] + amount;
            moved[d] := true;
            moved[c] := true;
            accepted[cardinality(accepted) + 1] := i;
            k := k + 1;
            e_account[k] := p_debits[i];
            e_transfer[k] := p_ids[i];
            e_amount[k] := -amount;
            e_after[k] := balances[d];
            k := k + 1;
            e_account[k] := p_credits[i];
            e_transfer[k] := p_ids[i];
            e_amount[k] := amount;
            e_after[k] := balances[c];
        end if;
    end loop;
    if k > 0 then
        update ledger_account a set balance = v.balance
        from unnest(ids, balances, moved) as v (id, balance, moved)
        where v.moved and a.id = v.id;
        insert into ledger_transfer (id, batch_id, debit_account, credit_account, amount, currency, reason, cause,
            idempotency_key, posted_at, actor)
        select p_ids[u.i], p_batch, p_debits[u.i], p_credits[u.i], p_amounts[u.i], p_currency[u.i], p_reasons[u.i],
            p_causes[u.i], p_keys[u.i], p_posted_at, p_actor
        from unnest(accepted) with ordinality as u (i, n)
        order by u.n;
        insert into ledger_entry (account_id, transfer_id, amount, balance_after, posted_at)
        select e.account, e.transfer, e.amount, e.balance_after, p_posted_at
        from unnest(e_account, e_transfer, e_amount, e_after) with ordinality
            as e (account, transfer, amount, balance_after, n)
        order by e.n;
        if p_audit_type is not null then
            perform audit_append(p_posted_at, p_actor, p_audit_type, p_audit_subject,
                p_audit_open || (select string_agg(p_audit_items[u.i], ',' order by u.n)
                                 from unnest(accepted) with ordinality as u (i, n)) || p_audit_close);
        end if;
    end if;
    return query select r.refusal, r.account, r.balance
        from unnest(refusals, named, seen) with ordinality as r (refusal, account, balance, n) order by r.n;
end $$;

-- The audit log's append of several events in one statement, in their order, for a statement of another module that
-- records them with its own change (the events a transaction held back, appended by its posting as it commits). Like
-- audit_append it takes no lock.
create function audit_append_all(
    p_occurred_at timestamptz, p_actors text[], p_types text[], p_subjects text[], p_payloads text[])
returns void language sql as $$
    insert into audit_event (occurred_at, actor, type, subject, payload)
    select p_occurred_at, e.actor, e.type, e.subject, e.payload
    from unnest(p_actors, p_types, p_subjects, p_payloads) with ordinality as e (actor, type, subject, payload, n)
    order by e.n
$$;

-- ledger_post_all as V82 defined it, its accounts locked by ledger_lock_accounts, and first appending the audit events
-- it is given (none when the arrays are empty): a transaction's held-back events and its payout go in one statement
-- as it commits. A refused batch has appended them too, as the append before it did; the refusal rolls the
-- transaction back.
drop function ledger_post_all(text, text, timestamptz, text[], text[], text[], text[], text[], text[], text[], bigint[],
    text[], text[], text[], text[]);
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
    p_keys text[],
    p_audit_at timestamptz,
    p_audit_actors text[],
    p_audit_types text[],
    p_audit_subjects text[],
    p_audit_payloads text[])
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
    if cardinality(p_audit_actors) > 0 then
        perform audit_append_all(p_audit_at, p_audit_actors, p_audit_types, p_audit_subjects, p_audit_payloads);
    end if;
    select l.ids, l.balances into ids, balances
    from ledger_lock_accounts(p_accounts, p_kinds, p_owners, p_currencies, p_posted_at) l;
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
