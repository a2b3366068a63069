// The translation unit a shared precompiled header is built in (cmake/pch/).
