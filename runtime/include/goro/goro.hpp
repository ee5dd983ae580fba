// goro/goro.hpp: the whole public API of Goroscope's Go-style runtime in one include.
//
// Goroutines are stackful fibers run by an M:N scheduler (see runtime/src/sched.hpp); channels,
// select, WaitGroup, Mutex, RWMutex, Once, context and timers behave as Go's do.
#pragma once

#include "goro/chan.hpp"
#include "goro/context.hpp"
#include "goro/goroutine.hpp"
#include "goro/mutex.hpp"
#include "goro/once.hpp"
#include "goro/run.hpp"
#include "goro/select.hpp"
#include "goro/shared.hpp"
#include "goro/waitgroup.hpp"
