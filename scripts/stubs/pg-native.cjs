// node-postgres's optional native binding (pg-native) is not shipped: the pure JavaScript client is used.
module.exports = function pgNativeMissing() {
  throw new Error('pg-native is not bundled with Resolution Drafter');
};
