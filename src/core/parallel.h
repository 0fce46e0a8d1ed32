#pragma once
// Running independent pieces of work on a few threads.
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace calint {

/// Calls fn(i) for every i in [0, count), on up to `jobs` threads (the calling thread among them),
/// and returns when every call has returned. Calls take indexes in increasing order, so earlier
/// pieces finish first. The first exception a call throws is rethrown here, after the others end.
template <class Fn>
void parallel_for(std::size_t count, int jobs, Fn&& fn) {
  const std::size_t threads = std::min<std::size_t>(static_cast<std::size_t>(std::max(1, jobs)), count);
  if (threads <= 1) {
    for (std::size_t i = 0; i < count; ++i) fn(i);
    return;
  }
  std::atomic<std::size_t> next{0};
  std::exception_ptr failure;
  std::mutex failure_lock;
  auto worker = [&] {
    try {
      for (std::size_t i = next++; i < count; i = next++) fn(i);
    } catch (...) {
      std::lock_guard<std::mutex> hold(failure_lock);
      if (!failure) failure = std::current_exception();
      next = count;  // the others stop after their current piece
    }
  };
  std::vector<std::thread> pool;
  pool.reserve(threads - 1);
  for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace calint
