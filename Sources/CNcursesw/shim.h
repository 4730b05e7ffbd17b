#ifndef CNCURSESW_SHIM_H
#define CNCURSESW_SHIM_H

/*
 * The ncursesw system module for Swift.
 *
 * SwiftPM drops pkg-config's -D_XOPEN_SOURCE=600, so the wide-character API
 * (cchar_t, setcchar, wget_wch, waddnwstr) is only declared if this header asks
 * for it before including curses. Everything Swift cannot import (function-like
 * macros, and C globals that Swift 6 rejects as not concurrency-safe) is wrapped
 * below as a `static inline` function, the way GRDB wraps SQLite.
 */
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#define NCURSES_WIDECHAR 1

#include <locale.h>
#include <langinfo.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>
#include <wchar.h>
#include <ncurses.h>

// MARK: - Globals (Swift 6 rejects mutable C globals)

static inline WINDOW *cn_stdscr(void) { return stdscr; }
static inline int cn_cols(void) { return COLS; }
static inline int cn_lines(void) { return LINES; }
static inline int cn_colors(void) { return COLORS; }
static inline int cn_color_pairs(void) { return COLOR_PAIRS; }
static inline FILE *cn_stdout(void) { return stdout; }
static inline FILE *cn_stdin(void) { return stdin; }

static inline int cn_getmaxx(WINDOW *win) { int y, x; getmaxyx(win, y, x); (void)y; return x; }
static inline int cn_getmaxy(WINDOW *win) { int y, x; getmaxyx(win, y, x); (void)x; return y; }

// MARK: - Attributes and colour pairs (function-like macros)

static inline attr_t cn_a_normal(void) { return A_NORMAL; }
static inline attr_t cn_a_bold(void) { return A_BOLD; }
static inline attr_t cn_a_reverse(void) { return A_REVERSE; }
static inline attr_t cn_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cn_a_dim(void) { return A_DIM; }
static inline attr_t cn_color_pair(int n) { return (attr_t)COLOR_PAIR(n); }

// MARK: - Keys

static inline int cn_key_f(int n) { return KEY_F(n); }

// MARK: - Signals
//
// The handlers only set a flag and write one byte to the wake-up pipe (write is
// async-signal-safe); the UI loop notices and stops cleanly. The state below is
// `static`, so each translation unit that includes this header gets its own copy:
// call these functions from ONE Swift file only (CursesTerminal/SignalWatch.swift).

static volatile sig_atomic_t cn_signal_received = 0;
static volatile sig_atomic_t cn_wake_fd = -1;
// The saved handlers live in function-local statics: Swift's importer emits a
// header's inline functions but not its uninitialised file-scope statics.
static inline struct sigaction *cn_previous_handler(int which) {
    static struct sigaction previous[2];
    return &previous[which ? 1 : 0];
}

static inline void cn_on_stop_signal(int signal_number) {
    cn_signal_received = signal_number;
    int fd = cn_wake_fd;
    if (fd >= 0) {
        char byte = 's';
        ssize_t ignored = write(fd, &byte, 1);
        (void)ignored;
    }
}

/// Installs SIGINT and SIGTERM handlers that record the signal and wake the loop.
static inline void cn_install_stop_handlers(int wake_fd) {
    cn_wake_fd = wake_fd;
    cn_signal_received = 0;
    struct sigaction action;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    action.sa_handler = cn_on_stop_signal;
    sigaction(SIGINT, &action, cn_previous_handler(0));
    sigaction(SIGTERM, &action, cn_previous_handler(1));
}

/// Puts back the handlers that were there before `cn_install_stop_handlers`.
static inline void cn_remove_stop_handlers(void) {
    sigaction(SIGINT, cn_previous_handler(0), NULL);
    sigaction(SIGTERM, cn_previous_handler(1), NULL);
    cn_wake_fd = -1;
}

/// The last stop signal received (0 when none).
static inline int cn_stop_signal(void) { return cn_signal_received; }

#endif
