#pragma once
// NNPLAY_SET_UP marks a function that runs once per user action (set-up, reset, new weights, one
// traced point) in a file whose training and drawing loops are compiled for speed: clang
// optimises it for size instead, so the page downloads less. GCC (the native build) ignores it.
#if defined(__clang__)
#define NNPLAY_SET_UP __attribute__((minsize))
#else
#define NNPLAY_SET_UP
#endif
