-- IP ASN results keep their reasons once per distinct result (issue 26 §6, speed): people with the
-- same facts get the same result, so the city's 10,000 × 5 years share a few hundred details.
-- Result rows become narrow (recompute writes and dashboard scans touch far fewer pages); the
-- detail is keyed by the SHA-256 of its JSON so equal details are stored once.
create table ip_asn_details (
  hash text primary key,          -- hex SHA-256 of the detail's JSON text
  detail jsonb not null           -- IpAsnResult (reasons per dimension)
);

insert into ip_asn_details (hash, detail)
select distinct encode(sha256(convert_to(detail::text, 'UTF8')), 'hex'), detail from ip_asn_results
on conflict do nothing;

alter table ip_asn_results add column detail_hash text references ip_asn_details (hash);
update ip_asn_results set detail_hash = encode(sha256(convert_to(detail::text, 'UTF8')), 'hex');
alter table ip_asn_results alter column detail_hash set not null;
alter table ip_asn_results drop column detail;
