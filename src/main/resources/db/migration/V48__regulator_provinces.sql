-- A regulator may be limited to some provinces (none: the whole market). Staff users record who added them, so that
-- the operator who recorded a regulator may set its limit.
alter table app_user add column recorded_by text;

create table regulator_province (
    user_id  text not null references app_user (id),
    province text not null,
    primary key (user_id, province)
);
