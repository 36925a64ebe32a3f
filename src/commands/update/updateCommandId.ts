// The update command's id, on its own: the activation bundle registers the command without loading the flow.
export const UPDATE_COMMAND = 'proton.updateServiceInstance';
