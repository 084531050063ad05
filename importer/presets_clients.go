package importer

// clientPresets are the clients, customers or companies lists of the tools
// whose other exports have presets, so that every tool a client list can
// come from brings name, contact, phone, address and seats in.
var clientPresets = []*Preset{}
