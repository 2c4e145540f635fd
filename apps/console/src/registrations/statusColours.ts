// Dark enough for white text to pass axe's contrast rule (antd's light preset tags do not).
export const STATUS_COLOURS = { pending: '#ad4e00', approved: '#237804', rejected: '#a8071a', cancelled: '#595959' } as const;
