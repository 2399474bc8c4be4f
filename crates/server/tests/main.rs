//! The server through its router: every API endpoint, the errors, the headers, and index
//! upkeep; replicas on one PostgreSQL through real HTTP (see `replicas`).

mod api;
mod authorization;
mod crawling;
mod declarations;
mod exports;
mod feeds;
mod hardening;
mod meaning;
mod open_catalog;
mod rate_limits;
mod replicas;
mod signin;
mod support;
mod validation;
mod web;
