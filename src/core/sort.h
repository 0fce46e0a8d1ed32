#pragma once
// Sorting vectors of large items.
#include <algorithm>
#include <cstddef>
#include <numeric>
#include <vector>

namespace calint {

/// std::stable_sort of `items` by `less`, for items that are costly to move (findings, inventory
/// rows): their positions are sorted, then each item is moved once, to its place.
template <class T, class Less>
void stable_sort_large(std::vector<T>& items, Less less) {
  std::vector<std::size_t> order(items.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return less(items[a], items[b]); });
  std::vector<T> sorted;
  sorted.reserve(items.size());
  for (std::size_t i : order) sorted.push_back(std::move(items[i]));
  items = std::move(sorted);
}

}  // namespace calint
