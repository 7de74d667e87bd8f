-- The audit log's append as a function, so that a statement of another module can record its event together with
-- the change it records, in one round trip. Like JdbcAuditLog's insert it takes no lock: the sealer gives the event
-- its place in the chain once it has committed (ADR 3).
create function audit_append(p_occurred_at timestamptz, p_actor text, p_type text, p_subject text, p_payload text)
returns void language sql as $$
    insert into audit_event (occurred_at, actor, type, subject, payload)
    values (p_occurred_at, p_actor, p_type, p_subject, p_payload)
$$;

-- Posts a group of transfers in one statement (ADR 0100): locks the accounts they touch in id order (creating on
-- first use every kind but ESCROW, which a deal opens), applies them in order, refusing alone a transfer that names an
-- escrow not open, would take an account but BANK below zero or beyond what a bigint holds, so that a later transfer
-- sees only what was accepted; then stores the moved balances, the accepted transfers, their entries with the balance
-- after each, and, when p_audit_type is given, the audit event listing the accepted transfers. Returns one row per
-- transfer, in order: its refusal code (null when accepted), the account it names and that account's balance then. The rules are
-- ledger.domain.PostingRules'; GroupPostingIT checks the two against each other on generated groups.
create function ledger_post_each(
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
    select array_agg(l.id order by l.id), array_agg(l.balance order by l.id) into ids, balances
    from (select a.id, a.balance from ledger_account a where a.id = any(p_accounts) order by a.id for update) l;
    if coalesce(cardinality(ids), 0) < cardinality(p_accounts) then
        -- the existing accounts are locked before any is created, so two groups that create one account wait in one
        -- order, as Postings did
        insert into ledger_account (id, kind, owner, currency, balance, created_at)
        select a.id, a.kind, a.owner, a.currency, 0, p_posted_at
        from unnest(p_accounts, p_kinds, p_owners, p_currencies) as a (id, kind, owner, currency)
        where a.kind <> 'ESCROW' and a.id <> all(coalesce(ids, '{}'))
        order by a.id
        on conflict do nothing;
        select array_agg(l.id order by l.id), array_agg(l.balance order by l.id) into ids, balances
        from (select a.id, a.balance from ledger_account a where a.id = any(p_accounts) order by a.id for update) l;
    end if;
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
