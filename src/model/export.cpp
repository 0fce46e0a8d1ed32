#include "model/export.h"

namespace calint {

const EcaSubFile& Export::operator[](SubFileRef ref) const {
  const EcaSubFile* found = nullptr;
  for_each_list([&](const auto& list) {
    using T = typename std::remove_cvref_t<decltype(list)>::value_type;
    if constexpr (std::is_base_of_v<EcaSubFile, T>) {
      if (T::kType == ref.type) found = &list[ref.index];
    }
  });
  return *found;
}

}  // namespace calint
