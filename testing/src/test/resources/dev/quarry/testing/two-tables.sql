-- Used by TestDatabaseTest.executeResourceRunsClasspathScript
create table authors (id bigint primary key, name text not null);
create table books (id bigint primary key, author_id bigint not null references authors (id), title text not null);
insert into authors values (1, 'Le Guin');
insert into books values (1, 1, 'The Dispossessed'), (2, 1, 'The Lathe of Heaven');
